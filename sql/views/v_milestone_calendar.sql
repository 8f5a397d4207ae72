-- v_milestone_calendar: one row per dated schedule phrase (fact_milestone): what opens, completes or starts
-- when, placed on the calendar (month) and in the fiscal year in which it happens.
-- requires: fact_milestone
create or replace view v_milestone_calendar as
with final as (
    select
        ms.milestone_id,
        ms.initiative_id,
        ms.document_id,
        d.file_name,
        d.municipality,
        ms.fiscal_year as document_fiscal_year,
        ms.event,
        ms.start_date,
        ms.end_date,
        ms.precision,
        ms.is_planned,
        ms.target_fiscal_year,
        case when month(ms.start_date) >= 4 then year(ms.start_date) else year(ms.start_date) - 1 end as event_fiscal_year,
        cast(date_trunc('month', ms.start_date) as date) as event_month,
        ms.fiscal_year is not null
            and (case when month(ms.start_date) >= 4 then year(ms.start_date) else year(ms.start_date) - 1 end) > ms.fiscal_year
            as is_after_document_year,
        ms.policy_id,
        p.path as policy_path,
        p.theme,
        ms.department_id,
        dep.name as department_name,
        i.text as initiative_text,
        ms.raw_text,
        ms.source_line
    from fact_milestone as ms
    inner join dim_document as d on d.document_id = ms.document_id
    left join dim_policy as p on p.policy_id = ms.policy_id
    left join dim_department as dep on dep.department_id = ms.department_id
    left join fact_initiative as i on i.initiative_id = ms.initiative_id
)

select * from final;

comment on view v_milestone_calendar is 'One row per dated schedule phrase (fact_milestone), placed in the calendar month and fiscal year in which the event happens.';
comment on column v_milestone_calendar.document_fiscal_year is 'Fiscal year of the document that states the milestone.';
comment on column v_milestone_calendar.event_fiscal_year is 'Fiscal year (April–March) containing start_date.';
comment on column v_milestone_calendar.event_month is 'First day of the month of start_date (for month precision and finer; a season or fiscal year maps to its first day).';
comment on column v_milestone_calendar.is_after_document_year is 'True when the event falls in a later fiscal year than the document''s.';
comment on column v_milestone_calendar.initiative_text is 'Text of the initiative the milestone belongs to.';
