create table etl_run (
    run_id             varchar   not null primary key,
    started_at         timestamp not null,
    finished_at        timestamp,
    seeds_path         varchar   not null,
    snapshot_id        varchar   not null,
    documents_seen     integer   not null,
    documents_loaded   integer   not null,
    documents_unchanged integer  not null,
    documents_rejected integer   not null,
    documents_removed  integer   not null,
    status             varchar   not null,
    message            varchar
);
comment on table etl_run is 'One row per load run that published a snapshot (history is carried from snapshot to snapshot).';
comment on column etl_run.run_id is 'Run key (UTC start time and a random suffix).';
comment on column etl_run.started_at is 'When the run started (UTC).';
comment on column etl_run.finished_at is 'When the run finished writing the snapshot (UTC).';
comment on column etl_run.seeds_path is 'Seeds folder the run read.';
comment on column etl_run.snapshot_id is 'Snapshot the run published.';
comment on column etl_run.documents_seen is 'Files found in the documents folder and manifest.';
comment on column etl_run.documents_loaded is 'Documents parsed and loaded by this run.';
comment on column etl_run.documents_unchanged is 'Documents whose content hash had not changed and whose rows were carried over.';
comment on column etl_run.documents_rejected is 'Documents rejected (see etl_document.error).';
comment on column etl_run.documents_removed is 'Documents loaded before whose file is gone; their rows were dropped.';
comment on column etl_run.status is 'ok (everything loaded) or partial (some documents rejected).';
comment on column etl_run.message is 'Summary of the run.';

create table etl_document (
    run_id      varchar not null,
    file_name   varchar not null,
    document_id varchar,
    sha256      varchar,
    status      varchar not null,
    family      varchar,
    error       varchar,
    error_line  integer,
    warnings    varchar,
    row_count   bigint  not null
);
comment on table etl_document is 'One row per document (file) per run, for the newest runs (setting Warehouse:DocumentHistoryRuns, default 20; etl_run keeps every run): what happened to it and why.';
comment on column etl_document.run_id is 'Run (etl_run).';
comment on column etl_document.file_name is 'Path relative to the documents folder (or the manifest entry).';
comment on column etl_document.document_id is 'Document id when the file could be read.';
comment on column etl_document.sha256 is 'SHA-256 of the bytes, when the file could be read.';
comment on column etl_document.status is 'loaded, unchanged, rejected, stale (unreadable now, last good rows kept) or removed.';
comment on column etl_document.family is 'Family, when known.';
comment on column etl_document.error is 'Reason for a rejection.';
comment on column etl_document.error_line is 'Line the error concerns; 0 = the whole file.';
comment on column etl_document.warnings is 'Non-fatal findings, one per line (file:line: message).';
comment on column etl_document.row_count is 'Rows the document contributed across all tables.';
