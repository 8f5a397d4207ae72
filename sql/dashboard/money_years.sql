-- Money by fiscal year and theme for the selection (year-over-year page of `bw dashboard`), counted as on
-- the overview: role 'value' yen amounts, items listed again (再掲) left out.
-- Grain: one row per fiscal year and theme.
-- requires: agg_dashboard_item
with final as (
    select fiscal_year, theme, cast(sum(money_yen) as bigint) as money_yen, cast(sum(money_amounts) as bigint) as amounts
    from dash_items($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
    where money_amounts > 0
    group by all
)

select * from final
order by fiscal_year, money_yen desc, theme;
