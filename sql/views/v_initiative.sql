-- v_initiative: one row per initiative (bulleted item or detail line), with everything an analyst filters or
-- groups by already joined: fiscal year and its era label, the policy path and theme, department and bureau,
-- flags, cross-year lineage, and how many quantities and dated milestones the document states for it.
-- requires: fact_measure, fact_milestone
create or replace view v_initiative as
with measures as (
    select
        initiative_id,
        count(*) as measure_count,
        cast(sum(amount_yen) filter (where unit = 'JPY' and role = 'value') as bigint) as amount_yen
    from fact_measure
    where initiative_id is not null
    group by initiative_id
),

milestones as (
    select initiative_id, count(*) as milestone_count
    from fact_milestone
    where initiative_id is not null
    group by initiative_id
),

final as (
    select
        i.initiative_id,
        i.document_id,
        d.file_name,
        d.municipality,
        d.family,
        i.fiscal_year,
        fy.label as fiscal_year_label,
        i.policy_id,
        p.code as policy_code,
        p.level as policy_level,
        p.path as policy_path,
        p.pillar_title,
        p.section_title,
        p.subsection_title,
        p.theme,
        i.department_id,
        dep.name as department_name,
        dep.bureau,
        i.department_method,
        i.department_evidence,
        i.kind,
        i.parent_initiative_id,
        i.seq,
        i.text,
        i.action,
        i.is_new_program,
        i.is_relisted,
        i.is_final_supplementary,
        i.is_numeric_target,
        i.plan_ref,
        coalesce(l.lineage_id, pl.lineage_id) as lineage_id,
        coalesce(m.measure_count, 0) as measure_count,
        coalesce(ms.milestone_count, 0) as milestone_count,
        m.amount_yen,
        i.source_line_start,
        i.source_line_end
    from fact_initiative as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_fiscal_year as fy on fy.fiscal_year = i.fiscal_year
    left join dim_policy as p on p.policy_id = i.policy_id
    left join dim_department as dep on dep.department_id = i.department_id
    left join bridge_initiative_lineage as l on l.initiative_id = i.initiative_id
    left join bridge_initiative_lineage as pl on pl.initiative_id = i.parent_initiative_id
    left join measures as m on m.initiative_id = i.initiative_id
    left join milestones as ms on ms.initiative_id = i.initiative_id
)

select * from final;

comment on view v_initiative is 'One row per initiative (fact_initiative) with its document, fiscal year label, policy path, theme, department, flags, lineage and counts of measures and milestones.';
comment on column v_initiative.fiscal_year_label is 'The fiscal year as the documents write it (令和2年度).';
comment on column v_initiative.policy_path is 'Policy titles from the pillar down, joined with " > ".';
comment on column v_initiative.theme is 'Conformed cross-year theme of the policy node.';
comment on column v_initiative.department_name is 'Department name (dim_department); (不明) when none was assigned.';
comment on column v_initiative.lineage_id is 'Cross-year undertaking (bridge_initiative_lineage); a detail line takes its item''s; null for relisted items.';
comment on column v_initiative.measure_count is 'Quantities stated for the initiative (fact_measure).';
comment on column v_initiative.milestone_count is 'Dated schedule phrases of the initiative (fact_milestone).';
comment on column v_initiative.amount_yen is 'Money stated for the initiative (fact_measure, unit JPY, role value: components (うち…) are parts of it), in yen; null when none.';
