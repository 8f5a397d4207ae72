-- Departments page of `bw dashboard`: initiatives and money per bureau, or per department within a chosen
-- bureau. SCD2-aware: each item counts under the department version valid in its fiscal year, so a renamed
-- or moved department shows under the name and bureau it had then.
-- Grain: one row per bureau (no bureau chosen) or per department of the chosen bureau.
-- requires: agg_dashboard_item
with final as (
    select
        case when $bureau is null then 'bureau' else 'department' end as level,
        case when $bureau is null then bureau else department end as label,
        cast(count(*) filter (where not is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(money_yen), 0) as bigint) as money_yen,
        cast(count(distinct department_id) as bigint) as versions
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
)

select * from final
order by initiatives desc, money_yen desc, label;
