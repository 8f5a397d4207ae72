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
    source_line    integer not null
);
comment on table fact_plan_status is 'One row per status count printed in a plan-progress achievement table: per table row (basic policy or total) and status (達成, 一部達成, A, 順調, 数値未確定 …). Long-format companion of fact_plan_achievement.';
comment on column fact_plan_status.status_id is 'Stable key: achievement_id and status_rank.';
comment on column fact_plan_status.achievement_id is 'Achievement-table row the count belongs to (fact_plan_achievement).';
comment on column fact_plan_status.document_id is 'Document (dim_document).';
comment on column fact_plan_status.fiscal_year is 'Fiscal year the table reports on (as in fact_plan_achievement).';
comment on column fact_plan_status.policy_id is 'Level-1 policy node (dim_policy); null for the total row.';
comment on column fact_plan_status.row_kind is 'policy or total, as in fact_plan_achievement.';
comment on column fact_plan_status.status_raw is 'The status as printed: the column header (達成(B), 一部達成, A, やや遅れ) or the words of a footnote (数値未確定).';
comment on column fact_plan_status.status_scale is 'Normalised class, best first: exceeded, achieved, on_track, partial, behind, not_achieved, not_started, pending. Grades (S, A-D) follow the report''s legend, else S=exceeded A=achieved B=partial C=not_achieved D=not_started.';
comment on column fact_plan_status.status_rank is 'Position of the status in the document''s own scheme, 1 = best (column order, footnote statuses after the columns).';
comment on column fact_plan_status.item_count is 'Number of items with this status in this row.';
comment on column fact_plan_status.source_page is '1-based page of the count''s line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_plan_status.source_line is 'Line the count (or its footnote) is printed on.';
