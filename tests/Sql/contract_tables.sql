-- Test fixture: facts of the warehouse contract (DESIGN §3) that a build may not load yet, created empty
-- and only when missing, so that every view, query and data test binds in tests. Where the loader creates the
-- table, this file changes nothing.
create table if not exists fact_plan_achievement (
    achievement_id varchar not null, document_id varchar not null, fiscal_year integer not null, policy_id varchar,
    row_kind varchar not null, label varchar not null, items_planned integer, items_achieved integer, items_pending integer,
    achievement_rate double, stated_rate double, stated_rate_text varchar, is_consistent boolean, raw_text varchar not null,
    source_line integer not null, source_line_end integer not null);
