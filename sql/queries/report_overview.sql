-- Question: what does the warehouse hold — which documents, for which municipality, family and fiscal
-- year, and how many initiatives came from each? (Header of `bw report`.)
-- Grain: one row per loaded document.
with items as (
    select document_id, count(*) filter (where kind = 'item') as items, count(*) as initiative_rows
    from fact_initiative
    group by all
),

final as (
    select
        d.document_id,
        d.municipality,
        d.family,
        d.fiscal_year,
        y.label as fiscal_year_label,
        coalesce(d.title, d.file_name) as title,
        d.file_name,
        d.line_count,
        coalesce(i.items, 0) as items,
        coalesce(i.initiative_rows, 0) as initiative_rows
    from dim_document as d
    left join dim_fiscal_year as y on y.fiscal_year = d.fiscal_year
    left join items as i on i.document_id = d.document_id
)

select * from final
order by municipality, fiscal_year, family, file_name;
