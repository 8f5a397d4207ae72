-- Department versions behind the departments page of `bw dashboard` (slowly changing, type 2): each version
-- a selected item was assigned, with its validity, whether it is the current one, and its items and money.
-- Grain: one row per department version (dim_department row) with items in the selection.
-- requires: agg_dashboard_item
with final as (
    select
        department_id,
        department,
        bureau,
        valid_from_fy,
        valid_to_fy,
        department_is_current as is_current,
        cast(count(*) filter (where not is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(money_yen), 0) as bigint) as money_yen,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
)

select * from final
order by bureau, department, valid_from_fy nulls first;
