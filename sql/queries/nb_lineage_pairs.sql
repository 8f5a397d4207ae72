-- Question: which undertakings continued from one year to the next, and how did their wording change;
-- which are new and which were dropped?
-- Grain: one row per undertaking per pair of consecutive loaded fiscal years (v_initiative_yoy), with
-- both years' texts side by side and the similarity that linked them.
with final as (
    select
        municipality,
        family,
        prior_fiscal_year,
        fiscal_year,
        status,
        coalesce(theme, '(未分類)') as theme,
        prior_text,
        text,
        similarity,
        link_rule,
        lineage_id,
        prior_initiative_id,
        initiative_id
    from v_initiative_yoy
)

select * from final
order by municipality, family, fiscal_year, status, theme, coalesce(text, prior_text);
