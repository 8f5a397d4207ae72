-- The columns of table $t that the previous snapshot (catalog $p) has too, in this database's order.
select n.column_name from duckdb_columns() n
join duckdb_columns() o on o.column_name = n.column_name and o.table_name = n.table_name and o.schema_name = 'main' and o.database_name = $p
where n.database_name = current_database() and n.schema_name = 'main' and n.table_name = $t
order by n.column_index
