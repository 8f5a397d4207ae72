-- Items per conformed theme and fiscal year: the cross-year view of policy priorities.
with

items as (
    select fiscal_year, policy_id
    from fact_initiative
    where kind = 'item' and not is_relisted
),

policies as (
    select policy_id, theme from dim_policy
),

final as (
    select
        i.fiscal_year,
        p.theme,
        cast(count(*) as bigint) as items
    from items as i
    inner join policies as p on p.policy_id = i.policy_id
    group by all
)

select * from final
order by fiscal_year, items desc, theme;
