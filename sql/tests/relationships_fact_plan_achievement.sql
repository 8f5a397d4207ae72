-- Every plan-achievement row points at an existing document, fiscal year and (for policy rows) policy node.
-- requires: fact_plan_achievement
with a as (select * from fact_plan_achievement)

select a.achievement_id, 'document_id' as column_name, a.document_id as missing_key
from a where a.document_id not in (select document_id from dim_document)
union all
select a.achievement_id, 'fiscal_year', cast(a.fiscal_year as varchar) from a where a.fiscal_year not in (select fiscal_year from dim_fiscal_year)
union all
select a.achievement_id, 'policy_id', coalesce(a.policy_id, '(null)')
from a where (a.policy_id is not null and a.policy_id not in (select policy_id from dim_policy))
    or (a.row_kind = 'policy' and a.policy_id is null)
order by 1, 2
