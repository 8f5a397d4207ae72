-- The rows behind the plan page of `bw dashboard` (and its CSV export): each per-policy achievement row of
-- the selection with the recomputed and printed rates, flagged when they disagree, and its source position.
-- Grain: one row per basic policy per reporting year, at most $limit rows. $status narrows to the rows
-- flagged 'inconsistent' or to those with items of one status class.
-- requires: fact_plan_status
with rows as (
    select * from dash_plan($municipality, $fy_from, $fy_to, $theme, $family, $pillar)
),

final as (
    select
        achievement_id,
        fiscal_year,
        municipality,
        theme,
        label,
        items_planned,
        items_achieved,
        items_pending,
        round(achievement_rate, 1) as achievement_rate,
        stated_rate,
        coalesce(not is_consistent, false) as is_inconsistent,
        file_name || coalesce(' p.' || source_page, '') || ' l.' || source_line as source,
        file_name as sort_file,
        source_line as sort_line
    from rows
    where $status is null
        or ($status = 'inconsistent' and is_consistent = false)
        or achievement_id in (select achievement_id from fact_plan_status where status_class = $status and not is_breakdown)
)

select * exclude (sort_file, sort_line) from final
order by fiscal_year, municipality, sort_file, sort_line
limit $limit;
