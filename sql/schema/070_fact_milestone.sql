create table fact_milestone (
    milestone_id       varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    initiative_id      varchar not null,
    document_id        varchar not null,
    fiscal_year        integer not null,
    policy_id          varchar,
    department_id      varchar not null,
    event              varchar not null,
    start_date         date    not null,
    end_date           date    not null,
    precision          varchar not null,
    is_planned         boolean not null,
    target_fiscal_year integer not null,
    raw_text           varchar not null,
    source_page        integer,
    source_line        integer not null
);
comment on table fact_milestone is 'One row per dated schedule phrase attached to an initiative (令和3年春開設予定, 開催（令和2年10月25日）).';
comment on column fact_milestone.milestone_id is 'Stable key: initiative id and the phrase''s position within the initiative.';
comment on column fact_milestone.initiative_id is 'Initiative the phrase belongs to (fact_initiative).';
comment on column fact_milestone.document_id is 'Document (dim_document).';
comment on column fact_milestone.fiscal_year is 'Fiscal year of the initiative (dim_fiscal_year); the partition key of the lake. See target_fiscal_year for when the milestone falls.';
comment on column fact_milestone.policy_id is 'Policy node of the initiative (dim_policy).';
comment on column fact_milestone.department_id is 'Department of the initiative (dim_department); ''unknown'' when none was assigned.';
comment on column fact_milestone.event is 'What happens: the event word of the phrase (開設 完成 供用開始 分譲開始 施行 稼働 オープン 開館 …) or, for a bare date after an action, the action''s closing verb (開催, 供用開始).';
comment on column fact_milestone.start_date is 'First day the phrase can mean (a season, month or fiscal year is a range).';
comment on column fact_milestone.end_date is 'Last day the phrase can mean; equal to start_date for a single day.';
comment on column fact_milestone.precision is 'How finely the date was stated: day, month (also 上旬/中旬/下旬, narrowed), season (春 Mar–May, 夏 Jun–Aug, 秋 Sep–Nov, 冬 Dec–Feb), fiscal_year (April–March), year.';
comment on column fact_milestone.is_planned is 'True when the phrase says 予定 (or 見込み): still to happen when the document was written.';
comment on column fact_milestone.target_fiscal_year is 'Fiscal year in which start_date falls (dim_fiscal_year).';
comment on column fact_milestone.raw_text is 'The phrase as printed, with its parentheses when it is an annotation.';
comment on column fact_milestone.source_page is '1-based page of the phrase''s line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_milestone.source_line is 'Physical line of the phrase in the document.';
