-- Question: between each pair of consecutive loaded fiscal years, how many undertakings are new, how many
-- continued and how many were dropped, per theme?
-- Grain: one row per municipality, document family, year pair, theme and status (new / continued /
-- dropped), from the cross-year lineage of v_initiative_yoy.
with yoy as (
    select
        municipality,
        family,
        prior_fiscal_year,
        fiscal_year,
        coalesce(theme, '(未分類)') as theme,
        status
    from v_initiative_yoy
),

final as (
    select
        municipality,
        family,
        prior_fiscal_year,
        fiscal_year,
        theme,
        status,
        count(*) as undertakings
    from yoy
    group by all
)

select * from final
order by municipality, family, fiscal_year, theme, status;
