-- Year over year on `bw dashboard`: initiatives new, continued or dropped (from the cross-year lineage,
-- v_initiative_yoy) per theme and per municipality, for the pairs whose later year is inside the selection.
-- Grain: one row per grouping ('theme' or 'municipality'), group value, fiscal year and status.
-- requires: bridge_initiative_lineage
with pairs as (
    select
        y.*,
        coalesce(y.municipality, '(不明)') as municipality_label,
        coalesce(y.theme, '(テーマなし)') as theme_label,
        coalesce(dd.name, '(未割当)') as department,
        coalesce(fn.name, '(未割当)') as function_name
    from v_initiative_yoy as y
    left join fact_initiative as i on i.initiative_id = coalesce(y.initiative_id, y.prior_initiative_id)
    left join dim_department as dd on dd.department_id = i.department_id
    left join dim_function as fn on fn.function_id = i.function_id
    -- a pair belongs to its later year: one selected year shows its changes against the year before
    where ($fy_from is null or y.fiscal_year >= $fy_from)
        and ($fy_to is null or y.fiscal_year <= $fy_to)
),

selected as (
    select * from pairs
    where ($municipality is null or municipality_label = $municipality)
        and ($theme is null or theme_label = $theme)
        and ($family is null or family = $family)
        and ($department is null or department = $department)
        and ($function is null or function_name = $function)
),

final as (
    select 'theme' as grouping, theme_label as label, fiscal_year, status, cast(count(*) as bigint) as initiatives
    from selected
    group by all
    union all
    select 'municipality', municipality_label, fiscal_year, status, cast(count(*) as bigint)
    from selected
    group by all
)

select * from final
order by grouping, label, fiscal_year, status;
