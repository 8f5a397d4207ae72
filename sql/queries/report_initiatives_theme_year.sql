-- Question: how many initiatives and new programmes does each theme have in each fiscal year? (Chart
-- "initiatives per theme per year" of `bw report`: one bar per row.)
-- Grain: one row per theme and fiscal year that has at least one item. Counts bulleted items
-- (kind = 'item'), leaving out items listed again (再掲); policies without a theme are '(未分類)'.
with items as (
    select
        i.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        i.is_new_program
    from fact_initiative as i
    left join dim_policy as p on p.policy_id = i.policy_id
    where i.kind = 'item' and not i.is_relisted
),

final as (
    select
        theme,
        fiscal_year,
        count(*) as initiatives,
        count(*) filter (where is_new_program) as new_programs
    from items
    group by all
)

select * from final
order by theme, fiscal_year;
