-- Tables holding rows per document (a document_id column), the run log excepted: tables added later are carried without code.
select table_name from duckdb_columns()
where database_name = current_database() and schema_name = 'main' and column_name = 'document_id' and table_name not like 'etl\_%' escape '\'
order by table_name
