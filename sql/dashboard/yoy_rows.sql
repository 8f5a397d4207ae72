-- The rows behind the year-over-year page of `bw dashboard` (and its CSV export): each undertaking of the
-- selection with its status, both years' texts and the source of the later (or, when dropped, the earlier) item.
-- Grain: one row per undertaking per pair of consecutive loaded years, at most $limit rows.
-- requires: agg_dashboard_yoy
with selected as (
    -- order and limit narrow rows; the texts are read for the rows kept
    select row_id
    from dash_yoy($municipality, $fy_from, $fy_to, $theme, $department, $function, $family)
    where $status is null or status = $status
    order by fiscal_year, municipality, status, source_file, source_line, source_initiative_id
    limit $limit
),

final as (
    select
        source_initiative_id as initiative_id,
        fiscal_year,
        prior_fiscal_year,
        municipality,
        theme,
        department,
        function_name,
        status,
        text,
        prior_text,
        similarity,
        source,
        source_file as sort_file,
        source_line as sort_line
    from agg_dashboard_yoy
    where rowid in (select row_id from selected)
)

select * exclude (sort_file, sort_line) from final
order by fiscal_year, municipality, status, sort_file, sort_line, initiative_id;
