create table fact_plan_transition (
    transition_id  varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    achievement_id varchar not null,
    document_id    varchar not null,
    fiscal_year    integer not null,
    policy_id      varchar,
    row_kind       varchar not null,
    from_raw       varchar not null,
    from_meaning   varchar,
    from_class     varchar not null,
    from_rank      integer not null,
    to_raw         varchar not null,
    to_meaning     varchar,
    to_class       varchar not null,
    to_rank        integer not null,
    item_count     integer not null,
    item_refs      varchar,
    item_numbers   varchar,
    raw_text       varchar not null,
    source_page    integer,
    source_line    integer not null
);
comment on table fact_plan_transition is 'One row per status transition printed in a plan-progress report (A←C:3件(No5,12,48): 3 items moved from C to A since the last report), under the status counts it is printed with (above or below them). What the report says moved; not checked against the counts.';
comment on column fact_plan_transition.transition_id is 'Stable key: achievement_id and the transition''s position under it (-T01, -T02 …).';
comment on column fact_plan_transition.achievement_id is 'Status counts the transition is printed with (fact_plan_achievement; its counts are in fact_plan_status).';
comment on column fact_plan_transition.document_id is 'Document (dim_document).';
comment on column fact_plan_transition.fiscal_year is 'Fiscal year the counts it belongs to report on (as in fact_plan_achievement).';
comment on column fact_plan_transition.policy_id is 'Level-1 policy node (dim_policy) when its counts are stated for a policy; null otherwise.';
comment on column fact_plan_transition.row_kind is 'Row kind of its counts: status, policy, total or subtotal, as in fact_plan_achievement.';
comment on column fact_plan_transition.from_raw is 'The status before, as printed (C in A←C, 一部達成 in 一部達成→達成).';
comment on column fact_plan_transition.from_meaning is 'The word the report gives a grade letter before: its printed legend (S=目標を上回って達成), else the status counted with it that the letter starts (C → C後退); null for a status printed as a word.';
comment on column fact_plan_transition.from_class is 'Class of the status before on the normalised scale (achieved, on_track, delayed, not_started, other), from seeds/reference/plan_status_words.csv as for fact_plan_status.status_class (of from_meaning when set).';
comment on column fact_plan_transition.from_rank is 'Rank of the status before on the normalised scale from seeds/reference/plan_status_words.csv, 1 = best … 8 = other.';
comment on column fact_plan_transition.to_raw is 'The status now, as printed (A in A←C; the arrow points to the status now).';
comment on column fact_plan_transition.to_meaning is 'The word the report gives a grade letter now, as from_meaning.';
comment on column fact_plan_transition.to_class is 'Class of the status now on the normalised scale, as from_class.';
comment on column fact_plan_transition.to_rank is 'Rank of the status now on the normalised scale, 1 = best … 8 = other; to_rank < from_rank is a move up.';
comment on column fact_plan_transition.item_count is 'Number of items that moved, as printed (3 in A←C:3件).';
comment on column fact_plan_transition.item_refs is 'The item numbers as printed in the brackets (No5,12,48); null when none are listed.';
comment on column fact_plan_transition.item_numbers is 'The item numbers, comma-separated without prefix or spaces (5,12,48); null when none are listed.';
comment on column fact_plan_transition.raw_text is 'The transition as printed (A←C:3件(No5,12,48)).';
comment on column fact_plan_transition.source_page is '1-based page of the transition''s line in a PDF; null for a text document.';
comment on column fact_plan_transition.source_line is 'Line the transition is printed on.';
