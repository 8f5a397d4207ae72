-- Question: how many initiatives and new programmes did each theme get in each fiscal year, and how did
-- that change from the year before?
-- Grain: one row per municipality, document family, theme and fiscal year (every theme appears in every
-- year its municipality and family have documents, with 0 when it had none). Counts bulleted items
-- (kind = 'item'), not their detail lines, and leaves out items listed again (再掲) so nothing is
-- counted twice. Policies without a theme are grouped under '(未分類)'.
-- The counts and the prior year are v_theme_year's (computed at load time); this query names them for the notebook.
-- requires: v_theme_year
with final as (
    select
        municipality,
        family,
        theme,
        fiscal_year,
        initiatives,
        new_programs,
        initiatives_prior as prior_initiatives,
        initiatives_delta,
        initiatives_pct_change as initiatives_change_pct,
        new_programs_prior as prior_new_programs
    from v_theme_year
)

select * from final
order by municipality, family, theme, fiscal_year;
