-- The views of the copied database: dropped before loading, sql/views makes them again.
select view_name from duckdb_views() where database_name = current_database() and schema_name = 'main' and not internal
