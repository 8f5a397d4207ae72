-- Tables without a document_id (derived by sql/load or appended whole each run), the run log excepted.
select table_name from duckdb_tables() t
where database_name = current_database() and schema_name = 'main' and table_name not like 'etl\_%' escape '\'
  and not exists (
    select 1 from duckdb_columns() c
    where c.database_name = t.database_name and c.schema_name = 'main' and c.table_name = t.table_name and c.column_name = 'document_id')
