-- The slicers of `bw dashboard` in one place: temporary table macros that every dashboard query reads
-- through, so that a filter means the same on every page. Created once per dashboard connection (in its
-- private in-memory catalog; the snapshot stays read-only). A null argument means "no filter".
-- Arguments: municipality, fiscal year from / to, theme, department (name, every SCD2 version of it),
-- function (款 name), family, bureau, pillar, section (the last three set by clicks and drill-down).

-- dash_items: one row per bulleted item (kind 'item') of the selection, with its document, policy path, the
-- department version the item was assigned (the version valid in its fiscal year), its function and its money
-- (money_yen: role 'value' yen amounts of the item and its detail lines, rows listed again (再掲) left out;
-- money_amounts: how many). Read from agg_dashboard_item, which the load joins once (sql/load/910); row_id is the
-- row's rowid there, so that a query can order and limit narrow rows and read the wide columns of those it keeps.
create or replace temp macro dash_items(f_municipality, f_fy_from, f_fy_to, f_theme, f_department, f_function, f_family, f_bureau, f_pillar, f_section) as table
select rowid as row_id, *
from agg_dashboard_item
where (f_fy_from is null or fiscal_year >= f_fy_from)
    and (f_fy_to is null or fiscal_year <= f_fy_to)
    and (f_municipality is null or municipality = f_municipality)
    and (f_theme is null or theme = f_theme)
    and (f_department is null or department = f_department)
    and (f_function is null or function_name = f_function)
    and (f_family is null or family = f_family)
    and (f_bureau is null or bureau = f_bureau)
    and (f_pillar is null or pillar_title = f_pillar)
    and (f_section is null or section_title = f_section);

-- dash_yoy: one row per undertaking per pair of consecutive loaded years (v_initiative_yoy, stored as
-- agg_dashboard_yoy) whose later year is in the selection; department and function are those of the later item
-- (the earlier one when dropped). Bureau, pillar and section do not apply. row_id as in dash_items.
create or replace temp macro dash_yoy(f_municipality, f_fy_from, f_fy_to, f_theme, f_department, f_function, f_family) as table
select rowid as row_id, *
from agg_dashboard_yoy
where (f_fy_from is null or fiscal_year >= f_fy_from)
    and (f_fy_to is null or fiscal_year <= f_fy_to)
    and (f_municipality is null or municipality = f_municipality)
    and (f_theme is null or theme = f_theme)
    and (f_department is null or department = f_department)
    and (f_function is null or function_name = f_function)
    and (f_family is null or family = f_family);

-- dash_plan: one row per per-policy row of a plan-progress achievement table in the selection (the total row
-- restates them). Departments and functions do not apply: a plan row has none.
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
