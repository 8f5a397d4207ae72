-- Initiatives and money per theme for the selection (overview page of `bw dashboard`).
-- Grain: one row per theme.
-- requires: agg_dashboard_item
with final as (
    select
        theme,
        cast(count(*) filter (where not is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(money_yen), 0) as bigint) as money_yen
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
)

select * from final
order by initiatives desc, theme;
