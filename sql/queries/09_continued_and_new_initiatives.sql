-- Question: from one loaded fiscal year to the next, how many undertakings continued, were new or were dropped,
-- per theme? Grain: one row per municipality, family, year pair, theme and status.
-- requires: v_initiative_yoy
select
    municipality,
    family,
    prior_fiscal_year,
    fiscal_year,
    coalesce(theme, '(未分類)') as theme,
    status,
    count(*) as undertakings
from v_initiative_yoy
group by all
order by municipality, family, fiscal_year, theme, status;
