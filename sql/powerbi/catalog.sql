-- The warehouse catalog that `bw powerbi` turns into a semantic model: every table of the snapshot with its
-- columns in order, their DuckDB types and the COMMENT ON descriptions.
-- Grain: one row per column of a base table of the main schema.
with tables as (
    select table_oid, table_name, comment as table_comment
    from duckdb_tables()
    where schema_name = 'main' and database_name = current_database()
),

columns as (
    select table_oid, column_name, column_index, data_type, comment as column_comment
    from duckdb_columns()
    where schema_name = 'main' and database_name = current_database()
),

final as (
    select
        t.table_name,
        t.table_comment,
        c.column_name,
        c.column_index,
        c.data_type,
        c.column_comment
    from tables as t
    inner join columns as c on c.table_oid = t.table_oid
)

select * from final
order by table_name, column_index;
