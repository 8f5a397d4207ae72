-- Every measure points at an existing initiative and policy node of its own document, and at an existing document,
-- fiscal year and department.
-- requires: fact_measure
with m as (select * from fact_measure)

select m.measure_id, 'initiative_id' as column_name, m.initiative_id as missing_key
from m where m.initiative_id is not null and m.initiative_id not in (select initiative_id from fact_initiative as i where i.document_id = m.document_id)
union all
select m.measure_id, 'document_id', m.document_id from m where m.document_id not in (select document_id from dim_document)
union all
select m.measure_id, 'fiscal_year', cast(m.fiscal_year as varchar) from m where m.fiscal_year not in (select fiscal_year from dim_fiscal_year)
union all
select m.measure_id, 'policy_id', m.policy_id from m where m.policy_id is not null and m.policy_id not in (select policy_id from dim_policy as p where p.document_id = m.document_id)
union all
select m.measure_id, 'department_id', m.department_id from m where m.department_id not in (select department_id from dim_department)
order by 1, 2
