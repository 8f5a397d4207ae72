create table dim_document (
    document_id            varchar   not null primary key,
    file_name              varchar   not null,
    title                  varchar,
    family                 varchar   not null,
    family_source          varchar   not null,
    municipality           varchar,
    fiscal_year            integer   not null,
    fiscal_year_source     varchar   not null,
    fiscal_year_evidence   varchar,
    sha256                 varchar   not null,
    encoding               varchar   not null,
    line_count             integer   not null,
    byte_count             bigint    not null,
    plan_name              varchar,
    plan_start_fiscal_year integer,
    plan_end_fiscal_year   integer,
    plan_principle         varchar,
    loaded_at              timestamp not null,
    coverage               double
);
comment on table dim_document is 'One row per loaded document (distinct content).';
comment on column dim_document.document_id is 'Stable key: the first 16 hex digits of the SHA-256 of the file''s bytes.';
comment on column dim_document.file_name is 'Path of the file relative to the documents folder.';
comment on column dim_document.title is 'Title from the manifest, else the document''s own heading.';
comment on column dim_document.family is 'Document family: budget_priorities or plan_progress.';
comment on column dim_document.family_source is 'manifest when seeds/manifest.csv names the family, inferred when recognised from the structure.';
comment on column dim_document.municipality is 'Municipality that published the document (from the manifest).';
comment on column dim_document.fiscal_year is 'The document''s fiscal year (its budget year, or the latest year a progress report covers).';
comment on column dim_document.fiscal_year_source is 'manifest or inferred.';
comment on column dim_document.fiscal_year_evidence is 'For inferred years: the phrase and line the year was read from.';
comment on column dim_document.sha256 is 'SHA-256 of the file''s bytes, hex.';
comment on column dim_document.encoding is 'Encoding the file was decoded from (utf-8, utf-8-bom, utf-16le, utf-16be, cp932).';
comment on column dim_document.line_count is 'Number of physical lines; source_line columns refer to these.';
comment on column dim_document.byte_count is 'Size of the file in bytes.';
comment on column dim_document.plan_name is 'Name of the administrative plan a progress report covers.';
comment on column dim_document.plan_start_fiscal_year is 'First fiscal year of the plan period.';
comment on column dim_document.plan_end_fiscal_year is 'Last fiscal year of the plan period.';
comment on column dim_document.plan_principle is 'The plan''s basic principle (基本理念) as printed in a progress report''s outline; null for other families.';
comment on column dim_document.loaded_at is 'When the load that wrote this row started (UTC).';
comment on column dim_document.coverage is 'Share (0-1) of the document''s non-blank lines that the parser understood: lines in fact_source_line whose role is not unrecognised. Null when the document''s parser does not account for its lines.';
