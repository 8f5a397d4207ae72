-- The rows behind the selection on the overview, policies and departments pages of `bw dashboard` (and their
-- CSV export): one row per bulleted item with its policy path, department, money and source position.
-- Grain: one row per item, at most $limit rows.
with items as (
    select * from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

money as (
    select initiative_id, cast(sum(amount_yen) as bigint) as money_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

final as (
    select
        i.initiative_id,
        i.fiscal_year,
        i.municipality,
        i.theme,
        i.pillar_title,
        i.section_title,
        i.department,
        i.bureau,
        i.function_name,
        i.text,
        i.action,
        i.is_new_program,
        i.is_relisted,
        m.money_yen,
        i.file_name || coalesce(' p.' || i.source_page, '') || ' l.' || i.source_line_start
            || case when i.source_line_end > i.source_line_start then '-' || i.source_line_end else '' end as source,
        i.file_name as sort_file,
        i.source_line_start as sort_line
    from items as i
    left join money as m on m.initiative_id = i.initiative_id
)

select * exclude (sort_file, sort_line) from final
order by fiscal_year, municipality, sort_file, sort_line, initiative_id
limit $limit;
