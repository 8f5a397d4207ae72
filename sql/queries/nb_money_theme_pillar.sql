-- Question: how much money (yen) does each theme and each pillar account for in each fiscal year?
-- Grain: one row per municipality, fiscal year, theme and pillar. Sums money measures (unit 'JPY') with
-- role 'value' only: components (うち…), cumulative figures, thresholds, benchmarks and totals restate
-- other amounts and would double count; amounts of items listed again (再掲) are left out for the same
-- reason. Amounts outside any policy are grouped under '(方針外)'.
with money as (
    select m.document_id, m.fiscal_year, m.policy_id, m.initiative_id, m.amount_yen
    from fact_measure as m
    where m.unit = 'JPY' and m.role = 'value' and m.amount_yen is not null
),

relisted as (
    select initiative_id from fact_initiative where is_relisted
),

joined as (
    select
        d.municipality,
        m.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        coalesce(p.pillar_title, '(方針外)') as pillar_title,
        m.amount_yen
    from money as m
    inner join dim_document as d on d.document_id = m.document_id
    left join dim_policy as p on p.policy_id = m.policy_id
    where m.initiative_id is null or m.initiative_id not in (select initiative_id from relisted)
),

final as (
    select
        municipality,
        fiscal_year,
        theme,
        pillar_title,
        cast(sum(amount_yen) as bigint) as amount_yen,
        count(*) as amounts
    from joined
    group by all
)

select * from final
order by municipality, fiscal_year, amount_yen desc, theme, pillar_title;
