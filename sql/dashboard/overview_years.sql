-- Overview cards and the per-year chart of `bw dashboard`: per fiscal year of the selection, the documents,
-- municipalities, initiatives (items not listed again), new programmes, money and plan items.
-- Grain: one row per fiscal year. The cards show the last year with its change over the year before.
-- requires: agg_dashboard_item
with items as (
    select fiscal_year, document_id, municipality, is_relisted, is_new_program, money_yen
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

item_documents as (
    -- a document has one municipality: group by the document alone, then take it
    select fiscal_year, document_id, any_value(municipality) as municipality
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by fiscal_year, document_id
),

plan as (
    select fiscal_year, document_id, municipality, items_planned, items_achieved
    from dash_plan($municipality, $fy_from, $fy_to, $theme, $family, $pillar)
    -- plan rows carry no department or function: such a filter leaves them out rather than showing them unfiltered
    where $department is null and $function is null and $bureau is null and $section is null
),

documents as (
    select fiscal_year, document_id, municipality from item_documents
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
        cast(count(*) filter (where not is_relisted and is_new_program) as bigint) as new_programs,
        cast(coalesce(sum(money_yen), 0) as bigint) as money_yen
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
        coalesce(i.money_yen, 0) as money_yen,
        p.items_planned,
        p.items_achieved,
        p.items_achieved / nullif(p.items_planned, 0) as achieved_share
    from per_year as y
    left join dim_fiscal_year as f on f.fiscal_year = y.fiscal_year
    left join item_counts as i on i.fiscal_year = y.fiscal_year
    left join plan_counts as p on p.fiscal_year = y.fiscal_year
)

select * from final
order by fiscal_year;
