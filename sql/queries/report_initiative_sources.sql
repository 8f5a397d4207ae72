-- Question: which initiatives does each theme hold, and what exactly does the document say for each?
-- (Tables of `bw report`: one row per item with its source lines, grouped by theme and year.)
-- Grain: one row per bulleted item (kind = 'item'); its printed lines come from
-- report_source_lines.sql.
with final as (
    select
        i.initiative_id,
        i.fiscal_year,
        coalesce(p.theme, '(未分類)') as theme,
        p.path as policy_path,
        coalesce(dep.name, '(不明)') as department,
        i.department_evidence,
        i.action,
        i.is_new_program,
        i.is_relisted,
        i.text,
        i.raw_text,
        d.file_name,
        i.source_page,
        i.source_line_start,
        i.source_line_end
    from fact_initiative as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    left join dim_department as dep on dep.department_id = i.department_id
    where i.kind = 'item'
)

select * from final
order by theme, fiscal_year, file_name, source_line_start;
