-- v_plan_achievement: one row per basic policy (and total row) per reporting year of a plan-progress document,
-- with the policy's title and the same row of the prior reporting year of the same plan, where loaded.
-- requires: fact_plan_achievement
create or replace view v_plan_achievement as
with rows_ as (
    select
        a.achievement_id,
        a.document_id,
        d.file_name,
        d.municipality,
        coalesce(d.plan_name, d.title, d.file_name) as plan_name,
        a.fiscal_year,
        fy.label as fiscal_year_label,
        a.row_kind,
        a.policy_id,
        p.code as policy_code,
        coalesce(p.title, a.label) as policy_title,
        a.label,
        p.theme,
        a.items_planned,
        a.items_achieved,
        a.items_pending,
        a.achievement_rate,
        a.stated_rate,
        a.is_consistent,
        a.source_line,
        d.fiscal_year as document_fiscal_year,
        coalesce(d.municipality, '') || '|' || coalesce(d.plan_name, d.title, d.file_name) || '|' || a.row_kind || '|' || coalesce(p.code, '') as series_key
    from fact_plan_achievement as a
    inner join dim_document as d on d.document_id = a.document_id
    left join dim_fiscal_year as fy on fy.fiscal_year = a.fiscal_year
    left join dim_policy as p on p.policy_id = a.policy_id
),

-- A later report may repeat an earlier year; the newest document's figures stand for that year.
latest as (
    select * from rows_
    qualify row_number() over (partition by series_key, fiscal_year order by document_fiscal_year desc, document_id) = 1
),

with_prior as (
    select
        series_key,
        fiscal_year,
        lag(fiscal_year) over w as prior_fiscal_year,
        lag(items_planned) over w as prior_items_planned,
        lag(items_achieved) over w as prior_items_achieved,
        lag(achievement_rate) over w as prior_achievement_rate
    from latest
    window w as (partition by series_key order by fiscal_year)
),

final as (
    select
        r.* exclude (series_key, document_fiscal_year),
        w.prior_fiscal_year,
        w.prior_items_planned,
        w.prior_items_achieved,
        w.prior_achievement_rate,
        r.achievement_rate - w.prior_achievement_rate as achievement_rate_change
    from rows_ as r
    left join with_prior as w on w.series_key = r.series_key and w.fiscal_year = r.fiscal_year
)

select * from final;

comment on view v_plan_achievement is 'One row per basic policy (and total row) per reporting year of a plan-progress document, with the prior reporting year of the same plan and policy.';
comment on column v_plan_achievement.plan_name is 'The administrative plan reported on (dim_document.plan_name, else the title).';
comment on column v_plan_achievement.policy_code is 'Code of the basic policy; null on the total row.';
comment on column v_plan_achievement.prior_fiscal_year is 'Previous reporting year loaded for the same plan, row kind and policy code; null when none.';
comment on column v_plan_achievement.prior_achievement_rate is 'achievement_rate of the prior reporting year.';
comment on column v_plan_achievement.achievement_rate_change is 'achievement_rate minus prior_achievement_rate.';
