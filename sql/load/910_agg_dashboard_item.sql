-- agg_dashboard_item (read by bw dashboard through sql/dashboard/filters.sql): every bulleted item with its
-- document, policy path, department version, budget function, money and source. A row depends only on its own
-- document's rows, the department rows (when those change, the load parses every document again, so carried
-- facts keep their department keys) and the reference data (whose change makes a fresh database): a carried
-- document's rows are carried with it, and only the documents without rows here are computed, all of them in a
-- fresh database.
-- Money is counted as the report counts it: yen amounts with role value (components, totals and thresholds
-- restate other amounts) stated in the item or its detail lines, amounts of rows listed again (再掲) left out.
-- requires: agg_dashboard_item, fact_measure, dim_function

-- rows whose document is gone or reads differently now (the carry already deleted those of changed and removed
-- documents; this also covers a document whose manifest row changed)
delete from agg_dashboard_item as a
where not exists (
    select 1 from dim_document as d
    where d.document_id = a.document_id and d.file_name = a.file_name and d.family = a.family
        and coalesce(d.municipality, '(不明)') = a.municipality
);

create or replace temporary table dashboard_item_pending as
select document_id from dim_document
except
select document_id from agg_dashboard_item;

insert into agg_dashboard_item by name
with items as (
    select
        i.initiative_id, i.document_id, i.fiscal_year, i.policy_id, i.department_id, i.function_id, i.text, i.action,
        i.is_new_program, i.is_relisted, i.source_page, i.source_line_start, i.source_line_end
    from fact_initiative as i
    where i.kind = 'item' and i.document_id in (select document_id from dashboard_item_pending)
),

money as (
    -- a detail's amount counts under its item
    select
        coalesce(o.parent_initiative_id, o.initiative_id) as initiative_id,
        cast(sum(m.amount_yen) as bigint) as money_yen,
        cast(count(*) as bigint) as money_amounts
    from fact_measure as m
    inner join fact_initiative as o on o.initiative_id = m.initiative_id
    where m.unit = 'JPY' and m.role = 'value' and m.amount_yen is not null and not o.is_relisted
        and m.document_id in (select document_id from dashboard_item_pending)
    group by all
),

final as (
    select
        i.initiative_id,
        i.document_id,
        i.fiscal_year,
        coalesce(d.municipality, '(不明)') as municipality,
        d.family,
        d.file_name,
        i.policy_id,
        coalesce(p.theme, '(テーマなし)') as theme,
        coalesce(p.pillar_title, '(方針外)') as pillar_title,
        coalesce(p.section_title, p.pillar_title, '(方針外)') as section_title,
        i.department_id,
        coalesce(dd.name, '(未割当)') as department,
        coalesce(dd.bureau, dd.name, '(未割当)') as bureau,
        dd.valid_from_fy,
        dd.valid_to_fy,
        coalesce(dd.is_current, false) as department_is_current,
        i.function_id,
        coalesce(f.name, '(未割当)') as function_name,
        i.text,
        i.action,
        i.is_new_program,
        i.is_relisted,
        m.money_yen,
        coalesce(m.money_amounts, 0) as money_amounts,
        i.source_page,
        i.source_line_start,
        i.source_line_end,
        d.file_name || coalesce(' p.' || i.source_page, '') || ' l.' || i.source_line_start
            || case when i.source_line_end > i.source_line_start then '-' || i.source_line_end else '' end as source
    from items as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    left join dim_department as dd on dd.department_id = i.department_id
    left join dim_function as f on f.function_id = i.function_id
    left join money as m on m.initiative_id = i.initiative_id
)

select * from final;

drop table dashboard_item_pending;
