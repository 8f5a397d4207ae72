-- Department versions behind the departments page of `bw dashboard` (slowly changing, type 2): each version
-- a selected item was assigned, with its validity, whether it is the current one, and its items and money.
-- Grain: one row per department version (dim_department row) with items in the selection.
with items as (
    select * from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

money as (
    select initiative_id, cast(sum(amount_yen) as bigint) as money_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

final as (
    select
        i.department_id,
        i.department,
        i.bureau,
        i.valid_from_fy,
        i.valid_to_fy,
        i.department_is_current as is_current,
        cast(count(*) filter (where not i.is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(m.money_yen), 0) as bigint) as money_yen,
        min(i.fiscal_year) as first_fiscal_year,
        max(i.fiscal_year) as last_fiscal_year
    from items as i
    left join money as m on m.initiative_id = i.initiative_id
    group by all
)

select * from final
order by bureau, department, valid_from_fy nulls first;
