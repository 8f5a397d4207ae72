create table fact_initiative (
    initiative_id          varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    document_id            varchar not null,
    fiscal_year            integer not null,
    policy_id              varchar,
    department_id          varchar not null,
    department_method      varchar not null,
    department_evidence    varchar,
    kind                   varchar not null,
    parent_initiative_id   varchar,
    seq                    integer not null,
    text                   varchar not null,
    raw_text               varchar not null,
    action                 varchar,
    is_new_program         boolean not null,
    is_relisted            boolean not null,
    is_final_supplementary boolean not null,
    is_numeric_target      boolean not null,
    plan_ref               varchar,
    description            varchar,
    source_page            integer,
    source_line_start      integer not null,
    source_line_end        integer not null,
    function_id            varchar not null,
    function_method        varchar not null,
    function_evidence      varchar,
    tags                   varchar
);
comment on table fact_initiative is 'One row per bulleted item (kind = item), per unbulleted detail line under an item (kind = detail) and per overview line that states amounts without naming a project (kind = summary: 一般会計 …, an account row of a budget table).';
comment on column fact_initiative.initiative_id is 'Stable key: document id and sequence number.';
comment on column fact_initiative.document_id is 'Document (dim_document).';
comment on column fact_initiative.fiscal_year is 'Fiscal year the initiative belongs to (dim_fiscal_year).';
comment on column fact_initiative.policy_id is 'Deepest policy node above the item (dim_policy).';
comment on column fact_initiative.department_id is 'Responsible department (dim_department); ''unknown'' when none could be assigned.';
comment on column fact_initiative.department_method is 'How the department was found: explicit (named in the text), rule (reference rule), none.';
comment on column fact_initiative.department_evidence is 'The words or rule behind department_id, or why none was assigned.';
comment on column fact_initiative.kind is 'item (a bullet or a project row), detail (an unbulleted line under an item) or summary (an overview line with amounts but no project: totals, account rows).';
comment on column fact_initiative.parent_initiative_id is 'For a detail: its item.';
comment on column fact_initiative.seq is 'Position in the document in reading order.';
comment on column fact_initiative.text is 'Text normalised to NFKC (circled numbers kept), bullet removed, wrapped lines joined.';
comment on column fact_initiative.raw_text is 'The physical lines as printed, joined with newlines.';
comment on column fact_initiative.action is 'Class of the closing verb: 創設 新設 拡充 着手 実施 開催 策定 検討 推進 整備 支援 完了 …; null when none is recognised.';
comment on column fact_initiative.is_new_program is 'True when the item creates a programme (closing verb 創設 or 新設) or is tagged new (新, 【新規】, (新)).';
comment on column fact_initiative.is_relisted is 'True when marked 再掲 (listed again under another policy): exclude when counting.';
comment on column fact_initiative.is_final_supplementary is 'True when marked (最終補正…): funded by the previous year''s final supplementary budget.';
comment on column fact_initiative.is_numeric_target is 'True when marked 【数値目標】.';
comment on column fact_initiative.plan_ref is 'Reference into the plan document, e.g. P27 No.1.';
comment on column fact_initiative.description is 'Description paragraph printed under the item (plan-progress reports).';
comment on column fact_initiative.source_page is '1-based page of the first line in a PDF (file.pdf p.3 l.12 with the line); null for a text document.';
comment on column fact_initiative.source_line_start is 'First physical line of the text.';
comment on column fact_initiative.source_line_end is 'Last physical line of the text (after wrapping).';
comment on column fact_initiative.function_id is 'Budget function, the 款 of the purpose classification (dim_function); ''unknown'' when none could be assigned.';
comment on column fact_initiative.function_method is 'How the function was found: explicit (the document prints the 款 in a caption above the item or in a 款 column of its row), rule (reference/function_rules.csv on the text, the policy path or the theme), none.';
comment on column fact_initiative.function_evidence is 'How the function was found: the caption or column with file:line; or the rule by its id in reference/function_rules.csv, its 款 and priority, what it matched (text, path or theme) and the words it matched, and the best rule for another 款 it outranked ("rule FN03 (公債費, priority 75) on the text matched 「元利償還」; outranked: rule FN10 (教育費, priority 60) 「学校」"); or why no function was assigned. A detail line takes its item''s function, the evidence prefixed with "inherited from its item".';
comment on column fact_initiative.tags is 'Tags printed on the item rather than part of its name, without their brackets and separated by ''; '': a status mark before the name (新, 改, 完), a bracketed tag at either end (新規, 補正予算, 総合戦略重点, a plan project, 単独), (新) in news lists, 債務負担 for a debt-burden note. Null when none. 新 and 新規 also set is_new_program.';
