-- Test fixture: the facts of the warehouse contract (DESIGN §3) that a branch may not load yet, created empty
-- and only when missing, so that every view, query and data test binds in tests. Where the loader creates the
-- table, this file changes nothing.
create table if not exists fact_measure (
    measure_id varchar not null, initiative_id varchar, document_id varchar not null, fiscal_year integer not null,
    policy_id varchar, department_id varchar not null, label varchar, value double, unit varchar, counter varchar,
    amount_yen bigint, role varchar, is_approximate boolean, raw_text varchar, source_line integer);
create table if not exists fact_milestone (
    milestone_id varchar not null, initiative_id varchar, document_id varchar not null, fiscal_year integer not null,
    policy_id varchar, department_id varchar not null, event varchar, start_date date, end_date date, precision varchar,
    is_planned boolean, raw_text varchar, source_line integer);
create table if not exists fact_plan_achievement (
    achievement_id varchar not null, document_id varchar not null, fiscal_year integer not null, policy_id varchar,
    row_kind varchar not null, label varchar not null, items_planned integer, items_achieved integer, items_pending integer,
    achievement_rate double, stated_rate double, stated_rate_text varchar, is_consistent boolean, raw_text varchar not null,
    source_line integer not null, source_line_end integer not null);
