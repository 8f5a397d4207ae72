-- Question: what opens, completes or takes place from a given date on, in date order? (Chart "upcoming
-- milestones" of `bw report`: one point per row.)
-- Grain: one row per milestone that ends on or after the reference date. The reference date is the
-- variable report_as_of when set (`bw report --as-of`); otherwise each document's own point of view,
-- the first day of its fiscal year, so that a budget's schedule shows what was still to come when it
-- was published.
with milestones as (
    select * from fact_milestone
),

final as (
    select
        m.milestone_id,
        m.fiscal_year,
        m.event,
        m.start_date,
        m.end_date,
        m.precision,
        m.is_planned,
        m.raw_text,
        d.file_name,
        m.source_page,
        m.source_line,
        p.theme,
        p.path as policy_path,
        i.text as initiative_text,
        coalesce(i.parent_initiative_id, i.initiative_id) as item_id
    from milestones as m
    inner join dim_document as d on d.document_id = m.document_id
    left join dim_policy as p on p.policy_id = m.policy_id
    left join fact_initiative as i on i.initiative_id = m.initiative_id
    where m.end_date >= coalesce(cast(getvariable('report_as_of') as date), make_date(m.fiscal_year, 4, 1))
)

select * from final
order by start_date, end_date, file_name, source_line;
