-- Every plan-transition row has a unique, non-null key.
-- requires: fact_plan_transition
select transition_id as key, 'null or duplicate key' as problem
from fact_plan_transition group by transition_id having transition_id is null or count(*) > 1
order by 1
