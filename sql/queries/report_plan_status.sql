-- Question: what share of each plan-progress report's items is achieved, on track, delayed or not started?
-- (Table "status classes" of `bw report`.)
-- Grain: one row per group of status counts of a plan-progress report (v_plan_status).
with final as (
    select
        plan_name,
        fiscal_year,
        coalesce(policy_code, 'total') as policy_code,
        status_words,
        items_total,
        items_achieved,
        items_on_track,
        items_delayed,
        items_not_started,
        items_other,
        achieved_share,
        is_consistent,
        file_name,
        source_line
    from v_plan_status
)

select * from final
order by fiscal_year, plan_name, policy_code, source_line;
