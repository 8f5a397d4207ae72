-- Question: how many initiatives and new programmes did each theme get in each fiscal year, and how did
-- that change from the year before?
-- Grain: one row per municipality, document family, theme and fiscal year (every theme appears in every
-- year its municipality and family have documents, with 0 when it had none). Counts bulleted items
-- (kind = 'item'), not their detail lines, and leaves out items listed again (再掲) so nothing is
-- counted twice. Policies without a theme are grouped under '(未分類)'.
with documents as (
    select document_id, municipality, family, fiscal_year
    from dim_document
),

items as (
    select
        d.municipality,
        d.family,
        i.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        i.is_new_program
    from fact_initiative as i
    inner join documents as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    where i.kind = 'item' and not i.is_relisted
),

years as (
    -- A report's items can belong to an earlier year than the report itself (results of the prior year).
    select municipality, family, fiscal_year from documents
    union
    select municipality, family, fiscal_year from items
),

themes as (
    select distinct municipality, family, theme from items
),

grid as (
    select t.municipality, t.family, t.theme, y.fiscal_year
    from themes as t
    inner join years as y on y.municipality is not distinct from t.municipality and y.family = t.family
),

counted as (
    select
        g.municipality,
        g.family,
        g.theme,
        g.fiscal_year,
        count(i.theme) as initiatives,
        count(i.theme) filter (where i.is_new_program) as new_programs
    from grid as g
    left join items as i
        on i.municipality is not distinct from g.municipality and i.family = g.family
        and i.theme = g.theme and i.fiscal_year = g.fiscal_year
    group by all
),

final as (
    select
        municipality,
        family,
        theme,
        fiscal_year,
        initiatives,
        new_programs,
        lag(initiatives) over w as prior_initiatives,
        initiatives - lag(initiatives) over w as initiatives_delta,
        round(100.0 * (initiatives - lag(initiatives) over w) / nullif(lag(initiatives) over w, 0), 1) as initiatives_change_pct,
        lag(new_programs) over w as prior_new_programs
    from counted
    window w as (partition by municipality, family, theme order by fiscal_year)
)

select * from final
order by municipality, family, theme, fiscal_year;
