-- Status classes on the plan page of `bw dashboard`: items per normalised status class (achieved, on track,
-- delayed, not started, other) per reporting year, summed over the per-policy rows of the selection;
-- breakdowns of a count are left out (they are parts of it, not extra items).
-- Grain: one row per fiscal year and status class.
-- requires: fact_plan_status
with rows as (
    select achievement_id from dash_plan($municipality, $fy_from, $fy_to, $theme, $family, $pillar)
),

statuses as (
    select s.fiscal_year, coalesce(s.status_class, 'other') as status_class, s.status_rank, s.item_count
    from fact_plan_status as s
    inner join rows as r on r.achievement_id = s.achievement_id
    where not s.is_breakdown
),

final as (
    select fiscal_year, status_class, min(status_rank) as status_rank, cast(sum(item_count) as bigint) as items
    from statuses
    group by all
)

select * from final
order by fiscal_year, status_rank, status_class;
