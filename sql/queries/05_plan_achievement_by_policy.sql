-- Question: how far has each basic policy of an administrative plan got — items planned and achieved, the
-- recomputed and the printed rate, whether they agree, and the change from the prior reporting year?
-- Grain: one row per plan, reporting year and basic policy, the total row last.
-- requires: v_plan_achievement
select
    municipality,
    plan_name,
    fiscal_year,
    row_kind,
    policy_code,
    policy_title,
    items_planned,
    items_achieved,
    items_pending,
    achievement_rate,
    stated_rate,
    is_consistent,
    prior_fiscal_year,
    achievement_rate_change,
    source_line
from v_plan_achievement
order by municipality, plan_name, fiscal_year, row_kind desc, policy_code;
