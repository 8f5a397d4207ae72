-- Stand-in for v_theme_year while that view does not exist: initiatives per theme (or pillar title when
-- no theme is assigned) per fiscal year, with the year-over-year change. Timed by the bench tool (`dotnet run -c Release --project bench -- bench`).
with initiatives as (
    select i.fiscal_year, coalesce(p.theme, p.pillar_title, '(none)') as theme
    from fact_initiative as i
    left join dim_policy as p using (policy_id)
    where i.kind = 'item'
),

per_year as (
    select theme, fiscal_year, count(*) as initiatives
    from initiatives
    group by all
),

final as (
    select
        theme,
        fiscal_year,
        initiatives,
        initiatives - lag(initiatives) over (partition by theme order by fiscal_year) as change_from_previous_year
    from per_year
)

select * from final order by theme, fiscal_year
