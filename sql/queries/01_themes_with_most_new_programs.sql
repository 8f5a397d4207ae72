-- Question: which themes launch the most new programmes (創設/新設) each fiscal year?
-- Relisted items (再掲) are not counted twice. Grain: one row per fiscal year and theme with a new programme.
-- requires: v_theme_year
select
    municipality,
    fiscal_year,
    theme,
    new_programs,
    new_programs_prior,
    initiatives
from v_theme_year
where new_programs > 0
order by municipality, fiscal_year desc, new_programs desc, theme;
