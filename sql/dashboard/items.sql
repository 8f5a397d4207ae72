-- The rows behind the selection on the overview, policies and departments pages of `bw dashboard` (and their
-- CSV export): one row per bulleted item with its policy path, department, function, money and source position.
-- Grain: one row per item, at most $limit rows.
-- requires: agg_dashboard_item
with selected as (
    -- order and limit narrow rows; the wide columns are read for the rows kept
    select row_id
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    order by fiscal_year, municipality, file_name, source_line_start, initiative_id
    limit $limit
),

final as (
    select
        initiative_id,
        fiscal_year,
        municipality,
        theme,
        pillar_title,
        section_title,
        department,
        bureau,
        function_name,
        text,
        action,
        is_new_program,
        is_relisted,
        money_yen,
        source,
        file_name as sort_file,
        source_line_start as sort_line
    from agg_dashboard_item
    where rowid in (select row_id from selected)
)

select * exclude (sort_file, sort_line) from final
order by fiscal_year, municipality, sort_file, sort_line, initiative_id;
