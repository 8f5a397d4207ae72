-- Question: per plan and reporting year, what share of the items is achieved, and how did it move since the
-- previous report, even when the report changed its status words?
-- Grain: one row per plan-progress document per reporting year (v_plan_status_year).
with final as (
    select
        municipality,
        plan_name,
        fiscal_year,
        as_of_date,
        status_words,
        items_total,
        items_achieved,
        items_on_track,
        items_delayed,
        items_not_started,
        items_other,
        round(achieved_share, 1) as achieved_share,
        prior_fiscal_year,
        prior_status_words,
        round(prior_achieved_share, 1) as prior_achieved_share,
        round(achieved_share_change, 1) as achieved_share_change,
        is_scheme_changed,
        is_consistent,
        file_name,
        source_line
    from v_plan_status_year
)

select * from final
order by municipality, plan_name, fiscal_year;
