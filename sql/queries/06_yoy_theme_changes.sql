-- Question: which themes grew or shrank most from one loaded fiscal year to the next, in number of initiatives
-- and in money? Grain: one row per municipality, family, theme and fiscal year that has a prior year.
-- requires: v_theme_year
select
    municipality,
    family,
    theme,
    prior_fiscal_year,
    fiscal_year,
    initiatives_prior,
    initiatives,
    initiatives_delta,
    initiatives_pct_change,
    new_programs_delta,
    amount_yen_prior,
    amount_yen,
    amount_yen_delta,
    amount_yen_pct_change
from v_theme_year
where prior_fiscal_year is not null
order by municipality, family, fiscal_year, abs(initiatives_delta) desc, theme;
