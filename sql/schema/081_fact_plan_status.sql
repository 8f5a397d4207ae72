create table fact_plan_status (
    status_id      varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    achievement_id varchar not null,
    document_id    varchar not null,
    fiscal_year    integer not null,
    policy_id      varchar,
    row_kind       varchar not null,
    status_raw     varchar not null,
    status_scale   varchar not null,
    status_rank    integer not null,
    item_count     integer not null,
    source_page    integer,
    source_line    integer not null,
    status_class   varchar not null,
    scale_rank     integer not null,
    is_scheme_word boolean not null,
    parent_status_raw varchar,
    is_breakdown   boolean not null,
    status_change  integer,
    items_total    integer,
    stated_rate    double,
    stated_rate_text varchar,
    recomputed_rate double,
    is_consistent  boolean,
    plan_name      varchar,
    plan_start_fiscal_year integer,
    plan_end_fiscal_year integer,
    as_of_date     date
);
comment on table fact_plan_status is 'One row per status count printed in a plan-progress report, wherever printed (a table cell, a list line, a sentence): per achievement row (basic policy, total, or the report''s own counts) and status (達成, 一部達成, A, 順調, 完了, 数値未確定 …). Long-format companion of fact_plan_achievement.';
comment on column fact_plan_status.status_id is 'Stable key: achievement_id and status_rank.';
comment on column fact_plan_status.achievement_id is 'Achievement-table row the count belongs to (fact_plan_achievement).';
comment on column fact_plan_status.document_id is 'Document (dim_document).';
comment on column fact_plan_status.fiscal_year is 'Fiscal year the table reports on (as in fact_plan_achievement).';
comment on column fact_plan_status.policy_id is 'Level-1 policy node (dim_policy); null for the total row.';
comment on column fact_plan_status.row_kind is 'policy, total, subtotal or status, as in fact_plan_achievement.';
comment on column fact_plan_status.status_raw is 'The status as printed: the column header (達成(B), 一部達成, A, やや遅れ) or the words of a footnote (数値未確定).';
comment on column fact_plan_status.status_scale is 'Class as the parser read it, from the same scheme file as status_class (achieved, on_track, delayed, not_started, other); for a grade letter the class of the word its printed legend gives. Kept for readers of v1: use status_class.';
comment on column fact_plan_status.status_rank is 'Position of the status in the document''s own scheme, 1 = best (column order, footnote statuses after the columns).';
comment on column fact_plan_status.item_count is 'Number of items with this status in this row.';
comment on column fact_plan_status.source_page is '1-based page of the count''s line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_plan_status.source_line is 'Line the count (or its footnote) is printed on.';
comment on column fact_plan_status.status_class is 'Class on the normalised scale comparable across reports: achieved, on_track, delayed, not_started or other, from seeds/reference/plan_status_words.csv (the legend''s word for a grade); a word the file does not know is other.';
comment on column fact_plan_status.scale_rank is 'Rank on the normalised scale from seeds/reference/plan_status_words.csv, 1 = best (exceeded) … 7 = not started, 8 = other.';
comment on column fact_plan_status.is_scheme_word is 'False when seeds/reference/plan_status_words.csv does not know the word; bw status lists such words.';
comment on column fact_plan_status.parent_status_raw is 'For a breakdown (順調 / やや遅れ within 取組中): the status it breaks down; null otherwise.';
comment on column fact_plan_status.is_breakdown is 'True for a breakdown count: part of another count of the same row, not extra items; leave it out of sums.';
comment on column fact_plan_status.status_change is 'Change since the previous report as printed (増減, 前年比, 前年度から4項目増え; ▲3 = -3); null when not printed.';
comment on column fact_plan_status.items_total is 'Items the count is of: the row''s printed total (項目数, 計, 対象の取組, 72項目のうち), else the sum of its counts.';
comment on column fact_plan_status.stated_rate is 'Share printed beside the count, in percent (12.5 for 12.5%); null when not printed.';
comment on column fact_plan_status.stated_rate_text is 'The share as printed.';
comment on column fact_plan_status.recomputed_rate is 'item_count / items_total in percent.';
comment on column fact_plan_status.is_consistent is 'False when the printed share is not the recomputed one at its printed precision, or the row''s counts disagree with its printed total, breakdown or net count (see bw validate); null when nothing could be checked.';
comment on column fact_plan_status.plan_name is 'Plan reported on (from the title or outline), as on dim_document.';
comment on column fact_plan_status.plan_start_fiscal_year is 'First fiscal year of the plan''s period (令和5年度～令和8年度, H25~H30); null when not printed.';
comment on column fact_plan_status.plan_end_fiscal_year is 'Last fiscal year of the plan''s period.';
comment on column fact_plan_status.as_of_date is 'Date the counts are as of (令和6年3月末現在 → 2024-03-31); fiscal_year is the year containing it unless a heading names the year.';
