-- v_theme_year: one row per municipality, document family, theme and fiscal year loaded for that series:
-- initiatives, new programmes, relisted items and money, each with the prior loaded year's value, the delta
-- and the % change. Relisted items (再掲) are counted apart and left out of the other figures.
-- A theme absent in a year shows zeros, so a theme that disappears still has its row.
-- requires: fact_measure
create or replace view v_theme_year as
with series_years as (
    -- every fiscal year a document, an initiative or an amount of the series refers to (a progress report
    -- carries several reporting years)
    select distinct coalesce(d.municipality, '') as municipality_key, d.municipality, d.family, y.fiscal_year
    from dim_document as d
    inner join (
        select document_id, fiscal_year from dim_document
        union select document_id, fiscal_year from fact_initiative
        union select document_id, fiscal_year from fact_measure
    ) as y on y.document_id = d.document_id
),

items as (
    select
        coalesce(d.municipality, '') as municipality_key,
        d.family,
        i.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        i.is_new_program,
        i.is_relisted
    from fact_initiative as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    where i.kind = 'item'
),

money as (
    select
        coalesce(d.municipality, '') as municipality_key,
        d.family,
        m.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        cast(sum(m.amount_yen) as bigint) as amount_yen
    from fact_measure as m
    inner join dim_document as d on d.document_id = m.document_id
    left join dim_policy as p on p.policy_id = m.policy_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
    where m.unit = 'JPY' and m.role = 'value' and not coalesce(i.is_relisted, false)
    group by all
),

counts as (
    select
        municipality_key,
        family,
        fiscal_year,
        theme,
        count(*) filter (where not is_relisted) as initiatives,
        count(*) filter (where is_new_program and not is_relisted) as new_programs,
        count(*) filter (where is_relisted) as relisted
    from items
    group by all
),

themes as (
    select municipality_key, family, theme from counts
    union
    select municipality_key, family, theme from money
),

spine as (
    select y.municipality_key, y.municipality, y.family, y.fiscal_year, t.theme,
        lag(y.fiscal_year) over (partition by y.municipality_key, y.family, t.theme order by y.fiscal_year) as prior_fiscal_year
    from series_years as y
    inner join themes as t on t.municipality_key = y.municipality_key and t.family = y.family
),

filled as (
    select
        s.municipality,
        s.family,
        s.theme,
        s.fiscal_year,
        s.prior_fiscal_year,
        coalesce(c.initiatives, 0) as initiatives,
        coalesce(c.new_programs, 0) as new_programs,
        coalesce(c.relisted, 0) as relisted,
        coalesce(m.amount_yen, 0) as amount_yen,
        s.municipality_key
    from spine as s
    left join counts as c using (municipality_key, family, fiscal_year, theme)
    left join money as m using (municipality_key, family, fiscal_year, theme)
),

final as (
    select
        cur.municipality,
        cur.family,
        cur.theme,
        cur.fiscal_year,
        cur.prior_fiscal_year,
        cur.initiatives,
        prev.initiatives as initiatives_prior,
        cur.initiatives - prev.initiatives as initiatives_delta,
        round(100.0 * (cur.initiatives - prev.initiatives) / nullif(prev.initiatives, 0), 1) as initiatives_pct_change,
        cur.new_programs,
        prev.new_programs as new_programs_prior,
        cur.new_programs - prev.new_programs as new_programs_delta,
        round(100.0 * (cur.new_programs - prev.new_programs) / nullif(prev.new_programs, 0), 1) as new_programs_pct_change,
        cur.relisted,
        prev.relisted as relisted_prior,
        cur.relisted - prev.relisted as relisted_delta,
        round(100.0 * (cur.relisted - prev.relisted) / nullif(prev.relisted, 0), 1) as relisted_pct_change,
        cur.amount_yen,
        prev.amount_yen as amount_yen_prior,
        cur.amount_yen - prev.amount_yen as amount_yen_delta,
        round(100.0 * (cur.amount_yen - prev.amount_yen) / nullif(prev.amount_yen, 0), 1) as amount_yen_pct_change
    from filled as cur
    left join filled as prev
        on prev.municipality_key = cur.municipality_key
        and prev.family = cur.family
        and prev.theme = cur.theme
        and prev.fiscal_year = cur.prior_fiscal_year
)

select * from final;

comment on view v_theme_year is 'One row per municipality, family, theme and loaded fiscal year: initiatives, new programmes, relisted items and money, with the prior loaded year, delta and % change.';
comment on column v_theme_year.theme is 'Conformed theme of the policy nodes; (未分類) when none was assigned.';
comment on column v_theme_year.prior_fiscal_year is 'The previous fiscal year loaded for the same municipality and family; null in the first year.';
comment on column v_theme_year.initiatives is 'Bulleted initiatives, relisted ones (再掲) left out.';
comment on column v_theme_year.new_programs is 'Initiatives that create a programme (創設/新設), relisted ones left out.';
comment on column v_theme_year.relisted is 'Relisted initiatives (再掲).';
comment on column v_theme_year.amount_yen is 'Money stated under the theme (fact_measure, unit JPY, role value: components (うち…) are parts of it, relisted items left out), in yen.';
comment on column v_theme_year.initiatives_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';
