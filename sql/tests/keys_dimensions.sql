-- Every dimension key is present and unique.
with keys as (
    select 'dim_fiscal_year' as table_name, cast(fiscal_year as varchar) as key from dim_fiscal_year
    union all select 'dim_document', document_id from dim_document
    union all select 'dim_policy', policy_id from dim_policy
    union all select 'dim_department', department_id from dim_department
)

select table_name, key, case when key is null then 'null key' else 'duplicate key' end as problem, count(*) as row_count
from keys
group by table_name, key
having key is null or count(*) > 1
order by table_name, key
