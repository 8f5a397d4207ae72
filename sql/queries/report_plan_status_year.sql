-- Question: per plan-progress report and reporting year, what share of the items is achieved, and how did that
-- share move against the same plan's previous reporting year, whatever status words each year used?
-- (Table "plan and year" of `bw report`.)
-- Grain: one row per plan-progress document per reporting year (v_plan_status_year).
with final as (
    select
        fiscal_year,
        municipality,
        plan_name,
        status_words,
        items_total,
        items_achieved,
        items_on_track,
        items_delayed,
        items_not_started,
        achieved_share,
        prior_fiscal_year,
        achieved_share_change,
        is_scheme_changed,
        file_name,
        source_line
    from v_plan_status_year
)

select * from final
order by municipality, plan_name, fiscal_year, file_name;
