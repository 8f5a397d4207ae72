-- Money by fiscal year and theme for the selection (year-over-year page of `bw dashboard`), counted as on
-- the overview: role 'value' yen amounts, items listed again (再掲) left out.
-- Grain: one row per fiscal year and theme.
with money as (
    select fiscal_year, theme, amount_yen
    from dash_money($municipality, $fy_from, $fy_to, $theme, $department, $function, $family, $bureau, $pillar, $section)
),

final as (
    select fiscal_year, theme, cast(sum(amount_yen) as bigint) as money_yen, cast(count(*) as bigint) as amounts
    from money
    group by all
)

select * from final
order by fiscal_year, money_yen desc, theme;
