-- One level of the policy drill-down of `bw dashboard`: themes; within a chosen theme its pillars; within a
-- pillar its sections; within a section its items. Initiatives leave out items listed again (再掲).
-- Grain: one row per node of the level below the deepest choice.
with items as (
    select * from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

money as (
    select initiative_id, cast(sum(amount_yen) as bigint) as money_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    group by all
),

labelled as (
    select
        case
            when $theme is null then 'theme'
            when $pillar is null then 'pillar'
            when $section is null then 'section'
            else 'item'
        end as level,
        case
            when $theme is null then i.theme
            when $pillar is null then i.pillar_title
            when $section is null then i.section_title
            else i.text
        end as label,
        case when $theme is not null and $pillar is not null and $section is not null then i.initiative_id end as initiative_id,
        i.is_relisted,
        m.money_yen
    from items as i
    left join money as m on m.initiative_id = i.initiative_id
),

final as (
    select
        level,
        label,
        any_value(initiative_id) as initiative_id,
        cast(count(*) filter (where not is_relisted) as bigint) as initiatives,
        cast(coalesce(sum(money_yen), 0) as bigint) as money_yen
    from labelled
    group by level, label, initiative_id
)

select * from final
order by initiatives desc, money_yen desc, label;
