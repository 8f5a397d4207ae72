-- v_theme_year: one row per municipality, document family, theme and fiscal year loaded for that series:
-- initiatives, new programmes, relisted items and money, each with the prior loaded year's value, the delta
-- and the % change. Relisted items (再掲) are counted apart and left out of the other figures.
-- A theme absent in a year shows zeros, so a theme that disappears still has its row.
-- The rows are computed at load time into agg_theme_year (sql/load/900_agg_theme_year.sql), series by series.
-- requires: agg_theme_year
create or replace view v_theme_year as
select
    municipality,
    family,
    theme,
    fiscal_year,
    prior_fiscal_year,
    initiatives,
    initiatives_prior,
    initiatives_delta,
    initiatives_pct_change,
    new_programs,
    new_programs_prior,
    new_programs_delta,
    new_programs_pct_change,
    relisted,
    relisted_prior,
    relisted_delta,
    relisted_pct_change,
    amount_yen,
    amount_yen_prior,
    amount_yen_delta,
    amount_yen_pct_change
from agg_theme_year;

comment on view v_theme_year is 'One row per municipality, family, theme and loaded fiscal year: initiatives, new programmes, relisted items and money, with the prior loaded year, delta and % change.';
comment on column v_theme_year.theme is 'Conformed theme of the policy nodes; (未分類) when none was assigned.';
comment on column v_theme_year.prior_fiscal_year is 'The previous fiscal year loaded for the same municipality and family; null in the first year.';
comment on column v_theme_year.initiatives is 'Bulleted initiatives, relisted ones (再掲) left out.';
comment on column v_theme_year.new_programs is 'Initiatives that create a programme (創設/新設), relisted ones left out.';
comment on column v_theme_year.relisted is 'Relisted initiatives (再掲).';
comment on column v_theme_year.amount_yen is 'Money stated under the theme (fact_measure, unit JPY, role value: components (うち…) are parts of it, relisted items left out), in yen.';
comment on column v_theme_year.initiatives_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';
