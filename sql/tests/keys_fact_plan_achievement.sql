-- Every plan-achievement and plan-status row has a unique, non-null key, and one total row per document and year at most.
-- requires: fact_plan_achievement, fact_plan_status
select achievement_id as key, 'null or duplicate key' as problem from fact_plan_achievement group by achievement_id having achievement_id is null or count(*) > 1
union all
select document_id || ' ' || cast(fiscal_year as varchar), 'more than one total row'
from fact_plan_achievement where row_kind = 'total' group by document_id, fiscal_year having count(*) > 1
union all
select status_id, 'null or duplicate key' from fact_plan_status group by status_id having status_id is null or count(*) > 1
order by 1
