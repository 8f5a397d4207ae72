-- Question: across cities and years, what share of each plan's items is achieved, on track, delayed or not
-- started, whatever words each report uses for its statuses?
-- Grain: one row per group of status counts of a plan-progress report (v_plan_status), with shares per class.
with status as (
    select * from v_plan_status
),

final as (
    select
        municipality,
        plan_name,
        fiscal_year,
        as_of_date,
        row_kind,
        coalesce(policy_code, 'total') as policy_code,
        status_words,
        items_total,
        items_achieved,
        items_on_track,
        items_delayed,
        items_not_started,
        items_other,
        round(achieved_share, 1) as achieved_share,
        round(items_on_track * 100.0 / nullif(items_total, 0), 1) as on_track_share,
        round(items_delayed * 100.0 / nullif(items_total, 0), 1) as delayed_share,
        round(items_not_started * 100.0 / nullif(items_total, 0), 1) as not_started_share,
        is_consistent,
        file_name,
        source_line
    from status
)

select * from final
order by municipality, plan_name, fiscal_year, row_kind, policy_code, source_line;
