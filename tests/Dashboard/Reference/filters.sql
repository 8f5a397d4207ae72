-- Reference formulation of sql/dashboard/filters.sql before agg_dashboard_item (joins the facts on every request).
-- The slicers of `bw dashboard` in one place: temporary table macros that every dashboard query reads
-- through, so that a filter means the same on every page. Created once per dashboard connection (in its
-- private in-memory catalog; the snapshot stays read-only). A null argument means "no filter".
-- Arguments: municipality, fiscal year from / to, theme, department (name, every SCD2 version of it),
-- family, bureau, pillar, section (the last three set by clicks and drill-down).

-- dash_items: one row per bulleted item (kind 'item') of the selection, with its document, policy path and
-- the department version the item was assigned (the version valid in its fiscal year).
create or replace temp macro dash_items(f_municipality, f_fy_from, f_fy_to, f_theme, f_department, f_function, f_family, f_bureau, f_pillar, f_section) as table
with items as (
    select
        i.initiative_id, i.document_id, i.fiscal_year, i.policy_id, i.department_id, i.function_id, i.text, i.action,
        i.is_new_program, i.is_relisted, i.source_page, i.source_line_start, i.source_line_end
    from fact_initiative as i
    where i.kind = 'item'
        and (f_fy_from is null or i.fiscal_year >= f_fy_from)
        and (f_fy_to is null or i.fiscal_year <= f_fy_to)
),

described as (
    select
        i.*,
        d.file_name,
        coalesce(d.municipality, '(不明)') as municipality,
        d.family,
        coalesce(p.theme, '(テーマなし)') as theme,
        coalesce(p.pillar_title, '(方針外)') as pillar_title,
        coalesce(p.section_title, p.pillar_title, '(方針外)') as section_title,
        coalesce(dd.name, '(未割当)') as department,
        coalesce(dd.bureau, dd.name, '(未割当)') as bureau,
        dd.valid_from_fy,
        dd.valid_to_fy,
        coalesce(dd.is_current, false) as department_is_current,
        coalesce(fn.name, '(未割当)') as function_name
    from items as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
    left join dim_department as dd on dd.department_id = i.department_id
    left join dim_function as fn on fn.function_id = i.function_id
)

select * from described
where (f_municipality is null or municipality = f_municipality)
    and (f_theme is null or theme = f_theme)
    and (f_department is null or department = f_department)
    and (f_function is null or function_name = f_function)
    and (f_family is null or family = f_family)
    and (f_bureau is null or bureau = f_bureau)
    and (f_pillar is null or pillar_title = f_pillar)
    and (f_section is null or section_title = f_section);

-- dash_money: one row per yen amount stated in the selection's items or their detail lines (a detail's amount
-- counts under its item), counted as the report counts money: role 'value' only (components, totals and
-- thresholds restate other amounts), amounts of rows listed again (再掲) left out.
create or replace temp macro dash_money(f_municipality, f_fy_from, f_fy_to, f_theme, f_department, f_function, f_family, f_bureau, f_pillar, f_section) as table
select i.* exclude (is_relisted), o.is_relisted, m.measure_id, m.amount_yen
from fact_measure as m
inner join fact_initiative as o on o.initiative_id = m.initiative_id
inner join dash_items(f_municipality, f_fy_from, f_fy_to, f_theme, f_department, f_function, f_family, f_bureau, f_pillar, f_section) as i
    on i.initiative_id = coalesce(o.parent_initiative_id, o.initiative_id)
where m.unit = 'JPY' and m.role = 'value' and m.amount_yen is not null and not o.is_relisted;

-- dash_plan: one row per per-policy row of a plan-progress achievement table in the selection (the total row
-- restates them). Departments do not apply: a plan row has none.
create or replace temp macro dash_plan(f_municipality, f_fy_from, f_fy_to, f_theme, f_family, f_pillar) as table
with rows as (
    select
        a.achievement_id, a.document_id, a.fiscal_year, a.policy_id, a.row_kind, a.label,
        a.items_planned, a.items_achieved, a.items_pending, a.achievement_rate, a.stated_rate, a.is_consistent,
        a.source_page, a.source_line,
        d.file_name,
        coalesce(d.municipality, '(不明)') as municipality,
        d.family,
        coalesce(p.theme, '(テーマなし)') as theme,
        coalesce(p.pillar_title, a.label, '(方針外)') as pillar_title
    from fact_plan_achievement as a
    inner join dim_document as d on d.document_id = a.document_id
    left join dim_policy as p on p.policy_id = a.policy_id
    where a.row_kind = 'policy'
        and (f_fy_from is null or a.fiscal_year >= f_fy_from)
        and (f_fy_to is null or a.fiscal_year <= f_fy_to)
)

select * from rows
where (f_municipality is null or municipality = f_municipality)
    and (f_theme is null or theme = f_theme)
    and (f_family is null or family = f_family)
    and (f_pillar is null or pillar_title = f_pillar);
