-- Which departments carry the initiatives of each fiscal year (re-listed items counted once).
with

initiatives as (
    select fiscal_year, department_id
    from fact_initiative
    where kind = 'item' and not is_relisted
),

departments as (
    select department_id, name, bureau from dim_department
),

counted as (
    select
        i.fiscal_year,
        coalesce(d.bureau, d.name) as bureau,
        d.name as department,
        cast(count(*) as bigint) as items
    from initiatives as i
    inner join departments as d on d.department_id = i.department_id
    group by i.fiscal_year, coalesce(d.bureau, d.name), d.name
),

final as (
    select
        fiscal_year,
        bureau,
        department,
        items,
        round(100.0 * items / sum(items) over (partition by fiscal_year), 1) as share_pct
    from counted
)

select * from final
order by fiscal_year, items desc, department;
