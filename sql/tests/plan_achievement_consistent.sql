-- Achievement rows that disagree with themselves or with their total: a printed rate that is not the rate of
-- the printed counts, or a total row that is not the sum of the policy rows printed above it (since the
-- previous total row of the same document, so that two tables of one report are checked apart).
-- Expect zero rows.
with achievements as (
    select * from fact_plan_achievement
),

tables as (
    select
        *,
        -- Rows up to and including a total row form one table.
        count(*) filter (where row_kind = 'total') over (
            partition by document_id order by source_line rows between unbounded preceding and 1 preceding
        ) as table_no
    from achievements
),

policy_sums as (
    select
        document_id,
        table_no,
        cast(sum(items_planned) as bigint) as items_planned,
        cast(sum(items_achieved) as bigint) as items_achieved,
        count(*) filter (where items_planned is null) as missing_planned,
        count(*) filter (where items_achieved is null) as missing_achieved
    from tables
    where row_kind = 'policy'
    group by document_id, table_no
),

rate_mismatches as (
    select
        achievement_id,
        document_id,
        fiscal_year,
        source_line,
        'printed rate ' || stated_rate_text || ' is not ' || cast(items_achieved as varchar) || '/' || cast(items_planned as varchar) as problem
    from achievements
    -- Rows flagged for their status counts, with no printed rate, are listed by plan_status_consistent.sql.
    where is_consistent = false and stated_rate_text is not null
),

total_mismatches as (
    select
        t.achievement_id,
        t.document_id,
        t.fiscal_year,
        t.source_line,
        'total row says ' || cast(t.items_planned as varchar) || ' planned / ' || cast(t.items_achieved as varchar)
            || ' achieved; policy rows add up to ' || cast(s.items_planned as varchar) || ' / ' || cast(s.items_achieved as varchar) as problem
    from tables as t
    inner join policy_sums as s using (document_id, table_no)
    where t.row_kind = 'total'
      and (
          (s.missing_planned = 0 and t.items_planned is distinct from s.items_planned)
          or (s.missing_achieved = 0 and t.items_achieved is distinct from s.items_achieved)
      )
),

final as (
    select * from rate_mismatches
    union all
    select * from total_mismatches
)

select * from final
order by document_id, fiscal_year, source_line;
