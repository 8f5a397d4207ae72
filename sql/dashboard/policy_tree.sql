-- One level of the policy drill-down of `bw dashboard`: themes; within a chosen theme its pillars; within a
-- pillar its sections; within a section its items. Initiatives leave out items listed again (再掲).
-- Grain: one row per node of the level below the deepest choice.
-- requires: agg_dashboard_item
with labelled as (
    select
        case
            when $theme is null then 'theme'
            when $pillar is null then 'pillar'
            when $section is null then 'section'
            else 'item'
        end as level,
        case
            when $theme is null then theme
            when $pillar is null then pillar_title
            when $section is null then section_title
            else text
        end as label,
        case when $theme is not null and $pillar is not null and $section is not null then initiative_id end as initiative_id,
        is_relisted,
        money_yen
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
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
