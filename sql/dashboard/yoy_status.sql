-- Year over year on `bw dashboard`: initiatives new, continued or dropped (from the cross-year lineage,
-- v_initiative_yoy, as stored in agg_dashboard_yoy) per theme and per municipality, for the pairs whose later year
-- is inside the selection.
-- Grain: one row per grouping ('theme' or 'municipality'), group value, fiscal year and status.
-- requires: agg_dashboard_yoy
with selected as (
    select theme, municipality, fiscal_year, status
    from dash_yoy($municipality, $fy_from, $fy_to, $theme, $department, $function, $family)
),

final as (
    select 'theme' as grouping, theme as label, fiscal_year, status, cast(count(*) as bigint) as initiatives
    from selected
    group by all
    union all
    select 'municipality', municipality, fiscal_year, status, cast(count(*) as bigint)
    from selected
    group by all
)

select * from final
order by grouping, label, fiscal_year, status;
