-- v_plan_status_year: one row per plan-progress document per reporting year: the report's headline status
-- counts on the normalised scale (items total, per class, achieved share), with the same plan's previous
-- reporting year beside it, so that progress compares across cities and years whatever words each report uses
-- (a city that switched from 達成 / 未達成 to 完了 / 取組中 still has a comparable achieved share).
-- The headline is the report's own counts (a total row or counts stated for the whole report); a report that
-- gives counts per basic policy only is summed over its policies. Where a report states several groups (one
-- per scheme), the one covering most items stands for the year (the first printed on a tie).
-- requires: fact_plan_status, fact_plan_achievement
create or replace view v_plan_status_year as
with status as (
    select * from v_plan_status
),

whole_report as (
    select
        document_id, file_name, municipality, plan_name, fiscal_year, as_of_date, status_words,
        items_total, items_counted, items_achieved, items_on_track, items_delayed, items_not_started, items_other,
        inconsistent_counts, is_consistent, source_line, 'report' as headline_source
    from status
    where row_kind in ('total', 'status')
),

policy_sums as (
    select
        document_id, any_value(file_name) as file_name, any_value(municipality) as municipality, any_value(plan_name) as plan_name,
        fiscal_year, max(as_of_date) as as_of_date, any_value(status_words) as status_words,
        cast(sum(items_total) as bigint) as items_total,
        cast(sum(items_counted) as bigint) as items_counted,
        cast(sum(items_achieved) as bigint) as items_achieved,
        cast(sum(items_on_track) as bigint) as items_on_track,
        cast(sum(items_delayed) as bigint) as items_delayed,
        cast(sum(items_not_started) as bigint) as items_not_started,
        cast(sum(items_other) as bigint) as items_other,
        cast(sum(inconsistent_counts) as bigint) as inconsistent_counts,
        bool_and(coalesce(is_consistent, true)) as is_consistent,
        min(source_line) as source_line,
        'policy_sum' as headline_source
    from status as s
    where row_kind = 'policy'
        and not exists (select 1 from whole_report as w where w.document_id = s.document_id and w.fiscal_year = s.fiscal_year)
    group by document_id, fiscal_year
),

candidates as (
    select * from whole_report
    union all by name
    select * from policy_sums
),

headline as (
    select
        *,
        count(*) over (partition by document_id, fiscal_year) as status_groups
    from candidates
    qualify row_number() over (partition by document_id, fiscal_year order by items_counted desc, source_line) = 1
),

-- A later report may repeat an earlier year; the newest document's figures stand for that year.
series as (
    select
        h.*,
        coalesce(h.municipality, '') || '|' || h.plan_name as series_key,
        d.fiscal_year as document_fiscal_year
    from headline as h
    inner join dim_document as d on d.document_id = h.document_id
),

latest as (
    select * from series
    qualify row_number() over (partition by series_key, fiscal_year order by document_fiscal_year desc, document_id) = 1
),

with_prior as (
    select
        series_key,
        fiscal_year,
        lag(fiscal_year) over w as prior_fiscal_year,
        lag(status_words) over w as prior_status_words,
        lag(items_total) over w as prior_items_total,
        lag(items_achieved * 100.0 / nullif(items_total, 0)) over w as prior_achieved_share
    from latest
    window w as (partition by series_key order by fiscal_year)
),

final as (
    select
        s.document_id,
        s.file_name,
        s.municipality,
        s.plan_name,
        s.fiscal_year,
        s.as_of_date,
        s.headline_source,
        s.status_groups,
        s.status_words,
        s.items_total,
        s.items_achieved,
        s.items_on_track,
        s.items_delayed,
        s.items_not_started,
        s.items_other,
        s.items_achieved * 100.0 / nullif(s.items_total, 0) as achieved_share,
        s.items_on_track * 100.0 / nullif(s.items_total, 0) as on_track_share,
        s.items_delayed * 100.0 / nullif(s.items_total, 0) as delayed_share,
        s.items_not_started * 100.0 / nullif(s.items_total, 0) as not_started_share,
        s.is_consistent,
        w.prior_fiscal_year,
        w.prior_status_words,
        w.prior_items_total,
        w.prior_achieved_share,
        s.items_achieved * 100.0 / nullif(s.items_total, 0) - w.prior_achieved_share as achieved_share_change,
        w.prior_status_words is not null and w.prior_status_words is distinct from s.status_words as is_scheme_changed,
        s.source_line
    from series as s
    left join with_prior as w on w.series_key = s.series_key and w.fiscal_year = s.fiscal_year
)

select * from final;

comment on view v_plan_status_year is 'One row per plan-progress document per reporting year: the report''s headline status counts on the normalised scale (total items, items per class, achieved share) and the previous reporting year of the same plan, comparable across cities and across changes of status words.';
comment on column v_plan_status_year.headline_source is 'report: the report''s own counts (a total row or counts stated for the whole report); policy_sum: the sum of its per-policy counts.';
comment on column v_plan_status_year.status_groups is 'Groups of whole-report counts the report states for the year (one per scheme, e.g. 完了/取組中 and 達成/未達成; 1 for a policy sum); the one covering most items is the headline.';
comment on column v_plan_status_year.achieved_share is 'items_achieved / items_total in percent; items_achieved counts the words of class achieved in seeds/reference/plan_status_words.csv.';
comment on column v_plan_status_year.prior_fiscal_year is 'Previous reporting year loaded for the same municipality and plan; null when none.';
comment on column v_plan_status_year.prior_status_words is 'The status words of the previous year''s headline: differs from status_words when the report changed its scheme.';
comment on column v_plan_status_year.achieved_share_change is 'achieved_share minus the previous year''s, in percentage points; comparable when the scheme changed, because both are on the normalised scale.';
comment on column v_plan_status_year.is_scheme_changed is 'True when the previous year''s headline used other status words.';
