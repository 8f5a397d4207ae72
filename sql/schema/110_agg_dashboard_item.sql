-- agg_dashboard_item: every bulleted item with what the dashboard's slicers, visuals and rows table read about it
-- (document, policy path, department version, budget function, money, source), joined once at load time by
-- sql/load/910_agg_dashboard_item.sql so that a dashboard request filters one table instead of joining the facts.
create table agg_dashboard_item (
    initiative_id         varchar not null,
    document_id           varchar not null,
    fiscal_year           integer not null,
    municipality          varchar not null,
    family                varchar not null,
    file_name             varchar not null,
    policy_id             varchar,
    theme                 varchar not null,
    pillar_title          varchar not null,
    section_title         varchar not null,
    department_id         varchar not null,
    department            varchar not null,
    bureau                varchar not null,
    valid_from_fy         integer,
    valid_to_fy           integer,
    department_is_current boolean not null,
    function_id           varchar not null,
    function_name         varchar not null,
    text                  varchar not null,
    action                varchar,
    is_new_program        boolean not null,
    is_relisted           boolean not null,
    money_yen             bigint,
    money_amounts         bigint not null,
    source_page           integer,
    source_line_start     integer not null,
    source_line_end       integer not null,
    source                varchar not null
);
comment on table agg_dashboard_item is 'One row per bulleted item (fact_initiative, kind item) with its document, policy path, department version, budget function, money and source joined: what bw dashboard filters and counts. Recomputed from the facts after every load.';
comment on column agg_dashboard_item.initiative_id is 'The item (fact_initiative).';
comment on column agg_dashboard_item.document_id is 'Document (dim_document).';
comment on column agg_dashboard_item.fiscal_year is 'Fiscal year of the item (dim_fiscal_year).';
comment on column agg_dashboard_item.municipality is 'Municipality of the document; (不明) when the document names none.';
comment on column agg_dashboard_item.family is 'Document family: budget_priorities or plan_progress.';
comment on column agg_dashboard_item.file_name is 'File name of the document.';
comment on column agg_dashboard_item.policy_id is 'Deepest policy node above the item (dim_policy).';
comment on column agg_dashboard_item.theme is 'Conformed theme of the policy node; (テーマなし) when the item has no policy node or theme.';
comment on column agg_dashboard_item.pillar_title is 'Title of the pillar (基本方針) above the item; (方針外) when none.';
comment on column agg_dashboard_item.section_title is 'Title of the section above the item, else the pillar''s; (方針外) when none.';
comment on column agg_dashboard_item.department_id is 'Department version the item was assigned, valid in its fiscal year (dim_department).';
comment on column agg_dashboard_item.department is 'Name of that department version; (不明) for the unknown member.';
comment on column agg_dashboard_item.bureau is 'Bureau of that department version, else its name.';
comment on column agg_dashboard_item.valid_from_fy is 'First fiscal year of the department version; null when open.';
comment on column agg_dashboard_item.valid_to_fy is 'Last fiscal year of the department version; null when open.';
comment on column agg_dashboard_item.department_is_current is 'Whether the department version is the current one.';
comment on column agg_dashboard_item.function_id is 'Budget function, the 款 of the item (dim_function); unknown when none could be assigned.';
comment on column agg_dashboard_item.function_name is 'Name of the 款 (dim_function.name), e.g. 民生費.';
comment on column agg_dashboard_item.text is 'The item''s text (fact_initiative.text).';
comment on column agg_dashboard_item.action is 'The closing verb class of the item.';
comment on column agg_dashboard_item.is_new_program is 'Whether the item creates a programme (創設/新設).';
comment on column agg_dashboard_item.is_relisted is 'Whether the item is listed again (再掲).';
comment on column agg_dashboard_item.money_yen is 'Yen amounts with role value stated in the item or its detail lines, amounts of rows listed again left out; null when there are none.';
comment on column agg_dashboard_item.money_amounts is 'Number of the amounts summed in money_yen.';
comment on column agg_dashboard_item.source_page is 'Page of the item in a PDF document; null for text documents.';
comment on column agg_dashboard_item.source_line_start is 'First source line of the item.';
comment on column agg_dashboard_item.source_line_end is 'Last source line of the item.';
comment on column agg_dashboard_item.source is 'Where the item stands: file p.N l.M (or l.M-N).';
