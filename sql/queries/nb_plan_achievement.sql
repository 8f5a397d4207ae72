-- Question: how far did each basic policy of an administrative plan get in each reporting year, does the
-- printed rate agree with the counts, and how did the rate move from the previous report?
-- Grain: one row per plan-progress document and policy row (row_kind 'policy'), plus the document's
-- total row (row_kind 'total'). The prior year is the same policy code of the same plan and
-- municipality in the previous reporting year, when that report is loaded.
-- The rows and the prior year are v_plan_achievement's; this query only names them for the notebook.
-- requires: v_plan_achievement
with final as (
    select
        municipality,
        plan_name,
        fiscal_year,
        row_kind,
        coalesce(policy_code, 'total') as policy_code,
        if(policy_code is null, '合計', policy_title) as policy_title,
        items_planned,
        items_achieved,
        items_pending,
        achievement_rate,
        stated_rate,
        is_consistent,
        file_name,
        source_line,
        achievement_id,
        prior_achievement_rate,
        achievement_rate_change as achievement_rate_delta
    from v_plan_achievement
)

select * from final
order by municipality, plan_name, fiscal_year, row_kind, policy_code;
