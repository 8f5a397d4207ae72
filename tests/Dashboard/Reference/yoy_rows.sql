-- The rows behind the year-over-year page of `bw dashboard` (and its CSV export): each undertaking of the
-- selection with its status, both years' texts and the source of the later (or, when dropped, the earlier) item.
-- Grain: one row per undertaking per pair of consecutive loaded years, at most $limit rows.
-- requires: bridge_initiative_lineage
with pairs as (
    select
        y.*,
        coalesce(y.municipality, '(不明)') as municipality_label,
        coalesce(y.theme, '(テーマなし)') as theme_label,
        coalesce(dd.name, '(未割当)') as department,
        coalesce(fn.name, '(未割当)') as function_name,
        i.initiative_id as source_initiative_id,
        d.file_name || coalesce(' p.' || i.source_page, '') || ' l.' || i.source_line_start as source,
        d.file_name as sort_file,
        i.source_line_start as sort_line
    from v_initiative_yoy as y
    left join fact_initiative as i on i.initiative_id = coalesce(y.initiative_id, y.prior_initiative_id)
    left join dim_document as d on d.document_id = i.document_id
    left join dim_department as dd on dd.department_id = i.department_id
    left join dim_function as fn on fn.function_id = i.function_id
    -- a pair belongs to its later year: one selected year shows its changes against the year before
    where ($fy_from is null or y.fiscal_year >= $fy_from)
        and ($fy_to is null or y.fiscal_year <= $fy_to)
),

final as (
    select
        source_initiative_id as initiative_id,
        fiscal_year,
        prior_fiscal_year,
        municipality_label as municipality,
        theme_label as theme,
        department,
        function_name,
        status,
        text,
        prior_text,
        similarity,
        source,
        sort_file,
        sort_line
    from pairs
    where ($municipality is null or municipality_label = $municipality)
        and ($theme is null or theme_label = $theme)
        and ($family is null or family = $family)
        and ($department is null or department = $department)
        and ($function is null or function_name = $function)
        and ($status is null or status = $status)
)

select * exclude (sort_file, sort_line) from final
order by fiscal_year, municipality, status, sort_file, sort_line, initiative_id
limit $limit;
