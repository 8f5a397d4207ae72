-- Initiatives and money per theme for the selection (overview page of `bw dashboard`).
-- Grain: one row per theme.
with items as (
    select theme, cast(count(*) filter (where not is_relisted) as bigint) as initiatives
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

money as (
    select theme, cast(sum(amount_yen) as bigint) as money_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

final as (
    select i.theme, i.initiatives, coalesce(m.money_yen, 0) as money_yen
    from items as i
    left join money as m on m.theme = i.theme
)

select * from final
order by initiatives desc, theme;
