-- Overview cards and the per-year chart of `bw dashboard`: per fiscal year of the selection, the documents,
-- municipalities, initiatives (items not listed again), new programmes, money and plan items.
-- Grain: one row per fiscal year. The cards show the last year with its change over the year before.
with items as (
    select * from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

money as (
    select fiscal_year, cast(sum(amount_yen) as bigint) as money_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

plan as (
    select fiscal_year, document_id, municipality, items_planned, items_achieved
    from dash_plan($municipality, $fy_from, $fy_to, $theme, $family, $pillar)
    -- plan rows carry no department: a department filter leaves them out rather than showing them unfiltered
    where $department is null and $function is null and $bureau is null and $section is null
),

documents as (
    select fiscal_year, document_id, municipality from items
    union
    select fiscal_year, document_id, municipality from plan
),

per_year as (
    select
        fiscal_year,
        cast(count(distinct document_id) as bigint) as documents,
        cast(count(distinct municipality) as bigint) as municipalities
    from documents
    group by all
),

item_counts as (
    select
        fiscal_year,
        cast(count(*) filter (where not is_relisted) as bigint) as initiatives,
        cast(count(*) filter (where not is_relisted and is_new_program) as bigint) as new_programs
    from items
    group by all
),

plan_counts as (
    select fiscal_year, cast(sum(items_planned) as bigint) as items_planned, cast(sum(items_achieved) as bigint) as items_achieved
    from plan
    group by all
),

final as (
    select
        y.fiscal_year,
        f.label as fiscal_year_label,
        y.documents,
        y.municipalities,
        coalesce(i.initiatives, 0) as initiatives,
        coalesce(i.new_programs, 0) as new_programs,
        coalesce(m.money_yen, 0) as money_yen,
        p.items_planned,
        p.items_achieved,
        p.items_achieved / nullif(p.items_planned, 0) as achieved_share
    from per_year as y
    left join dim_fiscal_year as f on f.fiscal_year = y.fiscal_year
    left join item_counts as i on i.fiscal_year = y.fiscal_year
    left join money as m on m.fiscal_year = y.fiscal_year
    left join plan_counts as p on p.fiscal_year = y.fiscal_year
)

select * from final
order by fiscal_year;
