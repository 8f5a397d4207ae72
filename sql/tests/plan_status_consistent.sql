-- Status counts that disagree with what their report prints about them: a share that is not the count over
-- the items covered, counts that do not add up to the printed total (項目数, 計, 対象の取組), a breakdown that
-- does not add up to the count it breaks down, or a net count that is not the total less the re-listed items.
-- Such rows are loaded as printed and flagged (is_consistent = false), never corrected. Expect zero rows.
-- requires: fact_plan_status, fact_plan_achievement
with statuses as (
    select * from fact_plan_status
),

achievements as (
    select * from fact_plan_achievement
),

share_mismatches as (
    select
        s.status_id as id,
        s.document_id,
        s.fiscal_year,
        s.source_line,
        format('{} printed as {} but {} of {} is {:.1f}%', s.status_raw, s.stated_rate_text, s.item_count, s.items_total, s.recomputed_rate) as problem
    from statuses as s
    where s.is_consistent = false and s.stated_rate_text is not null
),

row_mismatches as (
    select
        a.achievement_id as id,
        a.document_id,
        a.fiscal_year,
        a.source_line,
        format('status counts of ''{}'' disagree with its printed total, breakdown or net count', a.label) as problem
    from achievements as a
    where a.is_consistent = false
      and exists (select 1 from statuses as s where s.achievement_id = a.achievement_id)
      and not exists (select 1 from statuses as s where s.achievement_id = a.achievement_id and s.is_consistent = false and s.stated_rate_text is not null)
),

final as (
    select * from share_mismatches
    union all
    select * from row_mismatches
)

select * from final
order by document_id, fiscal_year, source_line
