-- Question: which initiatives are there, under which theme, policy and department, and where exactly in
-- which document does each come from? (The explore notebook filters this list by theme, department and
-- year and prints the source lines.)
-- Grain: one row per bulleted item (kind = 'item'), with its detail lines' count. raw_text holds the
-- physical lines as printed, source_line_start..source_line_end their line numbers in file_name.
with details as (
    select parent_initiative_id as initiative_id, count(*) as detail_lines
    from fact_initiative
    where kind = 'detail'
    group by all
),

final as (
    select
        i.initiative_id,
        d.municipality,
        d.family,
        i.fiscal_year,
        y.label as fiscal_year_label,
        coalesce(p.theme, '(未分類)') as theme,
        p.pillar_title,
        p.section_title,
        p.path as policy_path,
        coalesce(dep.name, '(不明)') as department,
        dep.bureau,
        i.department_method,
        i.department_evidence,
        i.action,
        i.is_new_program,
        i.is_relisted,
        i.is_final_supplementary,
        i.is_numeric_target,
        i.text,
        i.raw_text,
        coalesce(x.detail_lines, 0) as detail_lines,
        d.file_name,
        i.source_line_start,
        i.source_line_end
    from fact_initiative as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_fiscal_year as y on y.fiscal_year = i.fiscal_year
    left join dim_policy as p on p.policy_id = i.policy_id
    left join dim_department as dep on dep.department_id = i.department_id
    left join details as x on x.initiative_id = i.initiative_id
    where i.kind = 'item'
)

select * from final
order by municipality, fiscal_year, file_name, source_line_start;
