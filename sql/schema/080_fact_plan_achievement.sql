create table fact_plan_achievement (
    achievement_id   varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    document_id      varchar not null,
    fiscal_year      integer not null,
    policy_id        varchar,
    row_kind         varchar not null,
    label            varchar not null,
    items_planned    integer,
    items_achieved   integer,
    items_pending    integer,
    achievement_rate double,
    stated_rate      double,
    stated_rate_text varchar,
    is_consistent    boolean,
    raw_text         varchar not null,
    source_page      integer,
    source_line      integer not null,
    source_line_end  integer not null
);
comment on table fact_plan_achievement is 'One row per basic policy per reporting year of a plan-progress document''s achievement table, plus its total row.';
comment on column fact_plan_achievement.achievement_id is 'Stable key: document id and the row''s position among the document''s achievement rows.';
comment on column fact_plan_achievement.document_id is 'Document (dim_document).';
comment on column fact_plan_achievement.fiscal_year is 'Fiscal year the table reports on: the year in its heading, else the year whose results the report gives (令和5年度に実施した…), else the document''s year.';
comment on column fact_plan_achievement.policy_id is 'Level-1 policy node (基本方針) of that fiscal year (dim_policy); null for the total row.';
comment on column fact_plan_achievement.row_kind is 'policy (one basic policy) or total (合計, 計, 全体).';
comment on column fact_plan_achievement.label is 'The row''s label as printed (normalised), e.g. 1 行政組織の質を高める, 合計.';
comment on column fact_plan_achievement.items_planned is 'Items planned: the item-count column (項目数), or the sum of the status counts when the table prints only counts per status.';
comment on column fact_plan_achievement.items_achieved is 'Items achieved: the achieved column, or the counts of statuses classed exceeded/achieved (on_track for progress schemes without an achieved class); null when the table gives no such count.';
comment on column fact_plan_achievement.items_pending is 'Items whose result is not yet known, from a footnote on the row (※うち2項目は数値未確定) or a pending status column; part of items_planned.';
comment on column fact_plan_achievement.achievement_rate is 'items_achieved / items_planned in percent (0-100), recomputed from the counts; null when either is missing.';
comment on column fact_plan_achievement.stated_rate is 'The rate as printed, in percent (96.2 for 96.2%); null when the row prints none.';
comment on column fact_plan_achievement.stated_rate_text is 'The rate cell as printed, e.g. 96.2%.';
comment on column fact_plan_achievement.is_consistent is 'True when achievement_rate rounded (or truncated) to the printed decimals equals stated_rate; false when they disagree; null when either is missing.';
comment on column fact_plan_achievement.raw_text is 'The row''s cells as printed, joined with " | ".';
comment on column fact_plan_achievement.source_page is '1-based page of the row''s first line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_plan_achievement.source_line is 'First line of the row in the document.';
comment on column fact_plan_achievement.source_line_end is 'Last line of the row (differs from source_line when the table prints one cell per line).';
