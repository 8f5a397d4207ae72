-- Plan status: every count has a class of the normalised scale and a rank, counts are not negative, and a
-- breakdown names the status it breaks down.
-- requires: fact_plan_status
select status_id, 'status_class' as column_name, coalesce(status_class, '(null)') as value
from fact_plan_status where status_class is null or status_class not in ('achieved', 'on_track', 'delayed', 'not_started', 'other')
union all
select status_id, 'item_count', cast(item_count as varchar)
from fact_plan_status where item_count < 0
union all
select status_id, 'parent_status_raw', coalesce(parent_status_raw, '(null)')
from fact_plan_status where is_breakdown is distinct from (parent_status_raw is not null)
order by 1, 2
