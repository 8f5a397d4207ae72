-- Printed against recomputed: achievement_rate is items_achieved / items_planned (as a fraction or in percent);
-- is_consistent agrees with the gap between the printed and the recomputed rate (a row called consistent may
-- differ by at most half a point, one called inconsistent must differ by more than rounding); the total row's
-- counts equal the sum of the policy rows of the same document and year.
-- requires: fact_plan_achievement
with rates as (
    select
        *,
        case when items_planned > 0 then 1.0 * items_achieved / items_planned end as recomputed,
        case when achievement_rate > 1.0000001 then 100.0 else 1.0 end as scale
    from fact_plan_achievement
),

gaps as (
    -- both rates in percent, whatever scale each is kept in
    select
        *,
        abs(case when scale = 100.0 then achievement_rate else 100.0 * achievement_rate end
            - case when scale = 100.0 or stated_rate > 1.0000001 then stated_rate else 100.0 * stated_rate end) as gap_points
    from rates
),

rate_problems as (
    select achievement_id as key, 'achievement_rate is not items_achieved / items_planned' as problem,
        format('achieved {} / planned {} vs rate {}', items_achieved, items_planned, achievement_rate) as detail
    from rates
    where recomputed is not null and abs(achievement_rate - scale * recomputed) > 0.0005 * scale
    union all
    select achievement_id, 'is_consistent disagrees with printed vs recomputed rate',
        format('stated {} recomputed {} is_consistent {}', stated_rate, achievement_rate, is_consistent)
    from gaps
    where stated_rate is not null and achievement_rate is not null
        and ((is_consistent and gap_points > 0.5) or (not is_consistent and gap_points < 0.01))
),

totals as (
    select document_id, fiscal_year,
        sum(items_planned) filter (where row_kind = 'policy') as policy_planned,
        sum(items_achieved) filter (where row_kind = 'policy') as policy_achieved,
        max(items_planned) filter (where row_kind = 'total') as total_planned,
        max(items_achieved) filter (where row_kind = 'total') as total_achieved
    from fact_plan_achievement
    group by document_id, fiscal_year
),

total_problems as (
    select document_id || ' ' || cast(fiscal_year as varchar) as key, 'total row differs from the sum of policy rows' as problem,
        format('planned {} vs {}, achieved {} vs {}', total_planned, policy_planned, total_achieved, policy_achieved) as detail
    from totals
    where total_planned is not null and policy_planned is not null
        and (total_planned <> policy_planned or total_achieved <> policy_achieved)
)

select * from rate_problems
union all
select * from total_problems
order by 1, 2
