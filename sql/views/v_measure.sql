-- v_measure: one row per quantity stated in a document (fact_measure), with its initiative's text, the policy
-- path and theme, department, fiscal year label and source line.
-- requires: fact_measure
create or replace view v_measure as
with final as (
    select
        m.measure_id,
        m.initiative_id,
        m.document_id,
        d.file_name,
        d.municipality,
        d.family,
        m.fiscal_year,
        fy.label as fiscal_year_label,
        m.policy_id,
        p.path as policy_path,
        p.pillar_title,
        p.theme,
        m.department_id,
        dep.name as department_name,
        dep.bureau,
        i.text as initiative_text,
        coalesce(i.is_relisted, false) as is_relisted,
        m.label,
        m.value,
        m.unit,
        m.counter,
        m.amount_yen,
        m.role,
        m.parent_measure_id,
        m.is_approximate,
        m.raw_text,
        m.source_line
    from fact_measure as m
    inner join dim_document as d on d.document_id = m.document_id
    left join dim_fiscal_year as fy on fy.fiscal_year = m.fiscal_year
    left join dim_policy as p on p.policy_id = m.policy_id
    left join dim_department as dep on dep.department_id = m.department_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
)

select * from final;

comment on view v_measure is 'One row per quantity stated in a document (fact_measure) with its initiative text, policy path, theme, department and source line.';
comment on column v_measure.initiative_text is 'Text of the initiative the quantity belongs to.';
comment on column v_measure.is_relisted is 'True when the initiative is a relisting (再掲): leave it out of sums.';
