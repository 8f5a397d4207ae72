create table fact_measure (
    measure_id        varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    initiative_id     varchar not null,
    document_id       varchar not null,
    fiscal_year       integer not null,
    policy_id         varchar,
    department_id     varchar not null,
    label             varchar,
    value             double  not null,
    unit              varchar not null,
    counter           varchar,
    amount_yen        bigint,
    role              varchar not null,
    parent_measure_id varchar,
    bound             varchar,
    note              varchar,
    is_approximate    boolean not null,
    raw_text          varchar not null,
    source_page       integer,
    source_line       integer not null,
    function_id       varchar not null,
    function_method   varchar not null,
    function_evidence varchar,
    parse_error       varchar
);
comment on table fact_measure is 'One row per quantity (money, percentage, count) stated in an initiative''s text.';
comment on column fact_measure.measure_id is 'Stable key: initiative id and the quantity''s position within the initiative.';
comment on column fact_measure.initiative_id is 'Initiative whose text states the quantity (fact_initiative).';
comment on column fact_measure.document_id is 'Document (dim_document).';
comment on column fact_measure.fiscal_year is 'Fiscal year of the initiative (dim_fiscal_year); the partition key of the lake.';
comment on column fact_measure.policy_id is 'Policy node of the initiative (dim_policy).';
comment on column fact_measure.department_id is 'Department of the initiative (dim_department); ''unknown'' when none was assigned.';
comment on column fact_measure.label is 'What is measured, as the text names it (実質公債費比率, 公共事業規模); for a threshold or benchmark, the label of the value it qualifies; null when the text does not say.';
comment on column fact_measure.value is 'The number: yen for money (same as amount_yen), the printed number for percent (5.4 for 5.4%) and count.';
comment on column fact_measure.unit is 'JPY, percent or count.';
comment on column fact_measure.counter is 'Counter word of a count (件 名 人 社 施設 クラブ 項目 …); null otherwise.';
comment on column fact_measure.amount_yen is 'Money in yen after 兆/億/万/千 multipliers and any unit the document states; null for percent and count.';
comment on column fact_measure.role is 'value (the stated figure), threshold (a limit it is held against, 18%未満), benchmark (a comparison figure, 地財計画10.2%), component (part of the amount in parent_measure_id, うち…), cumulative (累計), total (総額, 合計), prior_year (the year before, beside the value), change (on the year before, signed), per_capita (1人当たり), commitment (a debt commitment in a note, 債務負担4億円: future years'' spending, not this budget). Sum only value rows to avoid double counting components.';
comment on column fact_measure.parent_measure_id is 'For a component, threshold or benchmark: the measure it belongs to.';
comment on column fact_measure.bound is 'Comparison word printed after a limit: 未満, 以下, 以内, 以上, 超え, 下回; null for plain figures.';
comment on column fact_measure.note is 'Words that qualify a threshold or benchmark (安全とされる, 地財計画).';
comment on column fact_measure.is_approximate is 'True when the text hedges the number (約, およそ, 余, あまり, 程度 …).';
comment on column fact_measure.raw_text is 'The quantity as printed, including sign, hedge and unit (約10億円, 18%未満).';
comment on column fact_measure.source_page is '1-based page of the quantity''s line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_measure.source_line is 'Physical line of the quantity in the document.';
comment on column fact_measure.function_id is 'Budget function (款) of the initiative (dim_function); ''unknown'' when none was assigned.';
comment on column fact_measure.function_method is 'How the initiative''s function was found: explicit, rule or none (fact_initiative.function_method).';
comment on column fact_measure.function_evidence is 'The initiative''s function evidence (fact_initiative.function_evidence).';
comment on column fact_measure.parse_error is 'Why an amount printed as money could not be stored in amount_yen (larger than BIGINT holds, too many digits): the row keeps raw_text, amount_yen is null and value is the approximate number (NaN when even that overflows); null for every quantity that was read.';
