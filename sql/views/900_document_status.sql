-- document_status: one row per document in this snapshot, saying whether its rows are stale. A document is
-- stale when the last run rejected its file (unreadable, damaged, no longer recognised) although an earlier
-- version had loaded: the warehouse keeps the rows of that last good version instead of dropping them.
create or replace view document_status as
with last_run as (
    select run_id from etl_run order by started_at desc limit 1
),

stale as (
    select
        e.document_id,
        e.error,
        e.error_line
    from etl_document as e
    inner join last_run using (run_id)
    where e.status = 'stale'
),

final as (
    select
        d.document_id,
        d.file_name,
        d.title,
        d.family,
        d.fiscal_year,
        d.loaded_at,
        d.coverage,
        s.document_id is not null as is_stale,
        s.error as stale_reason,
        s.error_line as stale_line
    from dim_document as d
    left join stale as s using (document_id)
)

select * from final;
