-- Year over year on `bw dashboard`: initiatives new, continued or dropped (from the cross-year lineage,
-- v_initiative_yoy, as stored in agg_dashboard_yoy) per theme and per municipality, for the pairs whose later year
-- is inside the selection.
-- Grain: one row per grouping ('theme' or 'municipality'), group value, fiscal year and status.
-- requires: agg_dashboard_yoy
with final as (
    -- one pass over the selection for both groupings
    select
        case when grouping(theme) = 0 then 'theme' else 'municipality' end as grouping,
        case when grouping(theme) = 0 then theme else municipality end as label,
        fiscal_year,
        status,
        cast(count(*) as bigint) as initiatives
    from dash_yoy($municipality, $fy_from, $fy_to, $theme, $department, $function, $family)
    group by grouping sets ((theme, fiscal_year, status), (municipality, fiscal_year, status))
)

select * from final
order by grouping, label, fiscal_year, status;
