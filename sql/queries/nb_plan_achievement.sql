-- Question: how far did each basic policy of an administrative plan get in each reporting year, does the
-- printed rate agree with the counts, and how did the rate move from the previous report?
-- Grain: one row per plan-progress document and policy row (row_kind 'policy'), plus the document's
-- total row (row_kind 'total'). The prior year is the same policy code of the same plan and
-- municipality in the previous reporting year, when that report is loaded.
with achievement as (
    select * from fact_plan_achievement
),

joined as (
    select
        d.municipality,
        d.plan_name,
        a.fiscal_year,
        a.row_kind,
        coalesce(p.code, 'total') as policy_code,
        coalesce(p.title, '合計') as policy_title,
        a.items_planned,
        a.items_achieved,
        a.items_pending,
        a.achievement_rate,
        a.stated_rate,
        a.is_consistent,
        d.file_name,
        a.source_line,
        a.achievement_id
    from achievement as a
    inner join dim_document as d on d.document_id = a.document_id
    left join dim_policy as p on p.policy_id = a.policy_id
),

final as (
    select
        *,
        lag(achievement_rate) over w as prior_achievement_rate,
        achievement_rate - lag(achievement_rate) over w as achievement_rate_delta
    from joined
    window w as (partition by municipality, plan_name, row_kind, policy_code order by fiscal_year)
)

select * from final
order by municipality, plan_name, fiscal_year, row_kind, policy_code;
