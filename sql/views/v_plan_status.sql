-- v_plan_status: one row per group of status counts of a plan-progress report (a basic policy's row, or the
-- report's own counts) per reporting year: the items it covers, the items per normalised class and the
-- achieved share, so that reports with different status words compare across cities and years.
-- Breakdowns (順調 / やや遅れ within 取組中) are parts of a count, not extra items: they are left out of the sums.
-- requires: fact_plan_status, fact_plan_achievement
create or replace view v_plan_status as
with statuses as (
    select * from fact_plan_status
),

achievements as (
    select * from fact_plan_achievement
),

per_row as (
    select
        achievement_id,
        cast(sum(item_count) filter (where not is_breakdown) as bigint) as items_counted,
        cast(coalesce(sum(item_count) filter (where not is_breakdown and status_class = 'achieved'), 0) as bigint) as items_achieved_class,
        cast(coalesce(sum(item_count) filter (where not is_breakdown and status_class = 'on_track'), 0) as bigint) as items_on_track,
        cast(coalesce(sum(item_count) filter (where not is_breakdown and status_class = 'delayed'), 0) as bigint) as items_delayed,
        cast(coalesce(sum(item_count) filter (where not is_breakdown and status_class = 'not_started'), 0) as bigint) as items_not_started,
        cast(coalesce(sum(item_count) filter (where not is_breakdown and status_class = 'other'), 0) as bigint) as items_other,
        string_agg(status_raw, ' / ' order by status_rank) filter (where not is_breakdown) as status_words,
        count(*) filter (where not is_scheme_word) as unknown_words,
        count(*) filter (where is_consistent = false) as inconsistent_counts,
        max(as_of_date) as as_of_date,
        max(plan_start_fiscal_year) as plan_start_fiscal_year,
        max(plan_end_fiscal_year) as plan_end_fiscal_year
    from statuses
    group by achievement_id
),

final as (
    select
        a.achievement_id,
        a.document_id,
        d.file_name,
        d.municipality,
        coalesce(d.plan_name, d.title, d.file_name) as plan_name,
        r.plan_start_fiscal_year,
        r.plan_end_fiscal_year,
        a.fiscal_year,
        r.as_of_date,
        a.row_kind,
        a.policy_id,
        p.code as policy_code,
        coalesce(p.title, a.label) as policy_title,
        r.status_words,
        coalesce(a.items_planned, r.items_counted) as items_total,
        r.items_counted,
        r.items_achieved_class as items_achieved,
        r.items_on_track,
        r.items_delayed,
        r.items_not_started,
        r.items_other,
        r.items_achieved_class * 100.0 / nullif(coalesce(a.items_planned, r.items_counted), 0) as achieved_share,
        r.unknown_words,
        a.is_consistent,
        r.inconsistent_counts,
        a.source_line
    from achievements as a
    inner join per_row as r on r.achievement_id = a.achievement_id
    inner join dim_document as d on d.document_id = a.document_id
    left join dim_policy as p on p.policy_id = a.policy_id
)

select * from final;

comment on view v_plan_status is 'One row per group of status counts (a policy row or a report''s own counts) per reporting year of a plan-progress document: items covered, items per normalised class (achieved, on_track, delayed, not_started, other) and the achieved share; breakdowns are not added.';
comment on column v_plan_status.items_total is 'Items the counts are of: the printed total (項目数, 計, 対象の取組) when there is one, else the sum of the counts.';
comment on column v_plan_status.items_counted is 'Sum of the status counts, breakdowns left out; differs from items_total when the report''s own figures disagree (is_consistent = false).';
comment on column v_plan_status.achieved_share is 'items_achieved / items_total in percent: the share of items whose status word is of class achieved in the scheme file.';
comment on column v_plan_status.status_words is 'The status words of the group as printed, best first: which scheme the report uses.';
comment on column v_plan_status.unknown_words is 'Status words of the group that the scheme file (seeds/reference/plan_status_words.csv) does not know; they count as other.';
