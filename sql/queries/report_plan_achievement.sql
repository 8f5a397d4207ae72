-- Question: what share of its planned items did each basic policy achieve in each reporting year, and
-- does the printed rate agree? (Chart "achievement rate per policy" of `bw report`: one bar per row.)
-- Grain: one row per plan-progress document and policy row, plus the document's total row.
with final as (
    select
        a.achievement_id,
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
        a.source_page,
        a.source_line
    from fact_plan_achievement as a
    inner join dim_document as d on d.document_id = a.document_id
    left join dim_policy as p on p.policy_id = a.policy_id
)

select * from final
order by fiscal_year, plan_name, row_kind, policy_code;
