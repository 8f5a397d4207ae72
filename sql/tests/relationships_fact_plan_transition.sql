-- Every plan-transition row points at existing status counts (of the same document and year), document, fiscal
-- year and, when set, policy node.
-- requires: fact_plan_transition, fact_plan_achievement
with t as (select * from fact_plan_transition),
a as (select * from fact_plan_achievement)

select t.transition_id, 'achievement_id' as column_name, t.achievement_id as missing_key
from t where not exists (
    select 1 from a where a.achievement_id = t.achievement_id and a.document_id = t.document_id and a.fiscal_year = t.fiscal_year
)
union all
select t.transition_id, 'document_id', t.document_id from t where t.document_id not in (select document_id from dim_document)
union all
select t.transition_id, 'fiscal_year', cast(t.fiscal_year as varchar) from t where t.fiscal_year not in (select fiscal_year from dim_fiscal_year)
union all
select t.transition_id, 'policy_id', t.policy_id
from t where t.policy_id is not null and t.policy_id not in (select policy_id from dim_policy)
order by 1, 2
