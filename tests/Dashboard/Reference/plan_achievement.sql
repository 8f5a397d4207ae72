-- Plan progress on `bw dashboard`: achieved share per document and reporting year, recomputed from the
-- per-policy rows, beside the rate the document printed on its total row.
-- Grain: one row per plan-progress document and reporting year.
with rows as (
    select * from dash_plan($municipality, $fy_from, $fy_to, $theme, $family, $pillar)
),

totals as (
    select document_id, fiscal_year, stated_rate as stated_total_rate, is_consistent as total_is_consistent
    from fact_plan_achievement
    where row_kind = 'total'
),

final as (
    select
        r.document_id,
        any_value(r.file_name) as file_name,
        any_value(r.municipality) as municipality,
        r.fiscal_year,
        cast(sum(r.items_planned) as bigint) as items_planned,
        cast(sum(r.items_achieved) as bigint) as items_achieved,
        sum(r.items_achieved) / nullif(sum(r.items_planned), 0) as achieved_share,
        any_value(t.stated_total_rate) as stated_total_rate,
        cast(count(*) filter (where r.is_consistent = false) as bigint) as inconsistent_rows
    from rows as r
    left join totals as t on t.document_id = r.document_id and t.fiscal_year = r.fiscal_year
    group by r.document_id, r.fiscal_year
)

select * from final
order by fiscal_year, file_name;
