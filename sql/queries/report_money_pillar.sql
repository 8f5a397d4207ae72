-- Question: how much money (yen) is stated under each pillar in each fiscal year? (Chart "money by
-- pillar" of `bw report`: one bar per row.)
-- Grain: one row per fiscal year and pillar. Sums money measures with role 'value' only (components,
-- cumulative figures, thresholds, benchmarks and totals restate other amounts), leaving out items listed
-- again (再掲). Amounts outside any policy are '(方針外)'.
with money as (
    select m.fiscal_year, m.policy_id, m.initiative_id, m.amount_yen
    from fact_measure as m
    where m.unit = 'JPY' and m.role = 'value' and m.amount_yen is not null
),

kept as (
    select
        m.fiscal_year,
        coalesce(p.pillar_title, '(方針外)') as pillar_title,
        m.amount_yen
    from money as m
    left join dim_policy as p on p.policy_id = m.policy_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
    where not coalesce(i.is_relisted, false)
),

final as (
    select
        fiscal_year,
        pillar_title,
        cast(sum(amount_yen) as bigint) as amount_yen,
        count(*) as amounts
    from kept
    group by all
)

select * from final
order by fiscal_year, amount_yen desc, pillar_title;
