-- Departments page of `bw dashboard`: initiatives and money per bureau, or per department within a chosen
-- bureau. SCD2-aware: each item counts under the department version valid in its fiscal year, so a renamed
-- or moved department shows under the name and bureau it had then.
-- Grain: one row per bureau (no bureau chosen) or per department of the chosen bureau.
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
        case when $bureau is null then 'bureau' else 'department' end as level,
        case when $bureau is null then i.bureau else i.department end as label,
        cast(count(*) filter (where not i.is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(m.money_yen), 0) as bigint) as money_yen,
        cast(count(distinct i.department_id) as bigint) as versions
    from items as i
    left join money as m on m.initiative_id = i.initiative_id
    group by all
)

select * from final
order by initiatives desc, money_yen desc, label;
