-- Plan achievement: row_kind holds its documented values; counts are not negative and achieved ≤ planned.
-- requires: fact_plan_achievement
select achievement_id, 'row_kind' as column_name, coalesce(row_kind, '(null)') as value
from fact_plan_achievement where row_kind is null or row_kind not in ('policy', 'total', 'subtotal', 'status')
union all
select achievement_id, 'items', format('planned {} achieved {} pending {}', items_planned, items_achieved, items_pending)
from fact_plan_achievement
where items_planned < 0 or items_achieved < 0 or items_pending < 0 or items_achieved > items_planned
order by 1, 2
