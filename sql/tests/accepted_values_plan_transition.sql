-- Plan transitions: both sides have a class of the normalised scale and a rank on it, the items that moved are
-- counted, and normalised item numbers are there exactly when numbers were printed.
-- requires: fact_plan_transition
select transition_id, 'from_class' as column_name, coalesce(from_class, '(null)') as value
from fact_plan_transition where from_class is null or from_class not in ('achieved', 'on_track', 'delayed', 'not_started', 'other')
union all
select transition_id, 'to_class', coalesce(to_class, '(null)')
from fact_plan_transition where to_class is null or to_class not in ('achieved', 'on_track', 'delayed', 'not_started', 'other')
union all
select transition_id, 'from_rank / to_rank', cast(from_rank as varchar) || ' / ' || cast(to_rank as varchar)
from fact_plan_transition where from_rank not between 1 and 8 or to_rank not between 1 and 8
union all
select transition_id, 'item_count', cast(item_count as varchar)
from fact_plan_transition where item_count < 0
union all
select transition_id, 'item_numbers', coalesce(item_numbers, '(null)')
from fact_plan_transition where (item_refs is null) <> (item_numbers is null)
order by 1, 2
