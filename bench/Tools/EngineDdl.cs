using System.Text;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>
/// sql/engines/spark.sql and trino.sql, written from the DuckDB catalog: every table of the warehouse with
/// its columns in DDL order at the engine's type, over its own lake folder, the tables the lake partitions
/// partitioned by fiscal_year (declared last, as both engines require). Only the header prose is written by hand.
/// </summary>
internal static class EngineDdl
{
    public static IReadOnlyList<string> Engines { get; } = ["spark", "trino"];

    /// <summary>Engine type of each DuckDB type of the lake contract.</summary>
    private static readonly Dictionary<string, (string Spark, string Trino)> Types = new(StringComparer.Ordinal)
    {
        ["VARCHAR"] = ("STRING", "varchar"),
        ["INTEGER"] = ("INT", "integer"),
        ["BIGINT"] = ("BIGINT", "bigint"),
        ["DOUBLE"] = ("DOUBLE", "double"),
        ["BOOLEAN"] = ("BOOLEAN", "boolean"),
        ["DATE"] = ("DATE", "date"),
        ["TIMESTAMP"] = ("TIMESTAMP_NTZ", "timestamp(3)"),
    };

    /// <summary>Tables in the order the files list them: dimensions, facts, bridge, aggregates, run log.</summary>
    private static readonly string[] PrefixOrder = ["dim_", "fact_", "bridge_", "agg_", "etl_"];

    /// <summary>The DDL file of <paramref name="engine"/> for the tables of <paramref name="connection"/>.</summary>
    public static async Task<string> WriteAsync(DuckDBConnection connection, string engine, CancellationToken cancellationToken)
    {
        var spark = engine switch
        {
            "spark" => true,
            "trino" => false,
            _ => throw new ArgumentException($"unknown engine '{engine}' (spark or trino)", nameof(engine)),
        };
        var rows = await connection.QueryAsync<(string Table, string Column, string Type)>(new CommandDefinition("""
            select c.table_name, c.column_name, c.data_type
            from duckdb_columns() as c
            inner join duckdb_tables() as t on t.table_name = c.table_name and t.schema_name = c.schema_name
            where c.schema_name = 'main' and not t.temporary
            order by c.table_name, c.column_index
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var sb = new StringBuilder(spark ? SparkHeader : TrinoHeader).Append('\n');
        sb.Append(spark ? "CREATE DATABASE IF NOT EXISTS budget_warehouse;\n" : "CREATE SCHEMA IF NOT EXISTS hive.budget_warehouse;\n");
        foreach (var table in rows.GroupBy(r => r.Table).OrderBy(g => Array.FindIndex(PrefixOrder, p => g.Key.StartsWith(p, StringComparison.Ordinal)) is var i and >= 0 ? i : PrefixOrder.Length).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var columns = table.Select(r => (r.Column, Type: spark ? Types[r.Type].Spark : Types[r.Type].Trino)).ToList();
            var partitioned = ParquetExporter.IsPartitioned(table.Key) && columns.Any(c => c.Column == "fiscal_year");
            if (partitioned)
            {
                columns = [.. columns.Where(c => c.Column != "fiscal_year"), columns.Single(c => c.Column == "fiscal_year")];
            }

            AppendTable(sb, spark, table.Key, columns, partitioned);
        }

        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, bool spark, string table, List<(string Column, string Type)> columns, bool partitioned)
    {
        var width = columns.Max(c => c.Column.Length);
        sb.Append(spark ? $"\nCREATE TABLE IF NOT EXISTS budget_warehouse.{table} (\n" : $"\nCREATE TABLE IF NOT EXISTS hive.budget_warehouse.{table} (\n");
        sb.AppendJoin(",\n", columns.Select(c => $"    {c.Column.PadRight(width)} {c.Type}"));
        sb.Append("\n)\n");
        if (spark)
        {
            sb.Append("USING PARQUET\n");
            sb.Append(partitioned ? "PARTITIONED BY (fiscal_year)\n" : "");
            sb.Append($"LOCATION '${{lake}}/{table}';\n");
            sb.Append(partitioned ? $"MSCK REPAIR TABLE budget_warehouse.{table};\n" : "");
        }
        else
        {
            sb.Append($"WITH (\n    format = 'PARQUET',\n    external_location = '${{lake}}/{table}'");
            sb.Append(partitioned ? ",\n    partitioned_by = ARRAY['fiscal_year']\n);\n" : "\n);\n");
            sb.Append(partitioned ? $"CALL hive.system.sync_partition_metadata('budget_warehouse', '{table}', 'FULL');\n" : "");
        }
    }

    private const string SparkHeader = """
-- Spark SQL (3.4 or later): external tables over a BudgetWarehouse Parquet lake (WAREHOUSE/parquet/).
--
-- Run with the lake's location, e.g.
--   spark-sql --hivevar lake=s3a://bucket/budget/parquet -f sql/engines/spark.sql
-- (${lake} is substituted by spark-sql; elsewhere replace it with the path first).
--
-- Layout the loader writes: one folder per table; fact_* tables, dim_policy and bridge_initiative_lineage
-- are hive-partitioned by their fiscal_year column (fact_x/fiscal_year=2020/group_0.parquet, up to 4 files a year), everything
-- else is one folder of Parquet files.
--
-- Partition column also inside the files: the loader writes fiscal_year into every data file too (so
-- readers without partition discovery, such as Power BI's folder connector, still see it). Spark takes
-- the value of a partition column from the directory name and does not read a data-file column of the
-- same name (it is excluded from the file read schema), so declaring fiscal_year once, as the partition
-- column, is correct; both values are the same by construction. Spark puts partition columns last in
-- the table schema, so fiscal_year is declared last here. MSCK REPAIR TABLE registers the partitions
-- found on disk; run it again (or ALTER TABLE … RECOVER PARTITIONS) after each load publishes.
-- A fact table with no rows is written as one file at the table root and no partition folder: the
-- partitioned table then reads as empty, which is what it is.
--
-- Types follow the warehouse contract: STRING for text and codes, INT for years, counts and line
-- numbers, BIGINT for yen, DOUBLE for ratios, DATE for dates, and TIMESTAMP_NTZ for the load times
-- (DuckDB writes them as microsecond timestamps not adjusted to UTC; the values are UTC wall-clock
-- times, and TIMESTAMP_NTZ keeps the session time zone from shifting them; on Spark before 3.4 use
-- TIMESTAMP). Parquet columns are matched by name, so column order does not matter.

""";

    private const string TrinoHeader = """
-- Trino (Hive connector, catalog "hive"): external tables over a BudgetWarehouse Parquet lake
-- (WAREHOUSE/parquet/) on S3, HDFS or a local file system the workers share.
--
-- Replace ${lake} with the lake's location first (the Trino CLI does no substitution), e.g.
--   sed 's#${lake}#s3://bucket/budget/parquet#g' sql/engines/trino.sql > /tmp/bw.sql && trino -f /tmp/bw.sql
--
-- Layout the loader writes: one folder per table; fact_* tables, dim_policy and bridge_initiative_lineage
-- are hive-partitioned by their fiscal_year column (fact_x/fiscal_year=2020/group_0.parquet, up to 4 files a year), everything
-- else is one folder of Parquet files.
--
-- Partition column also inside the files: the loader writes fiscal_year into every data file too (so
-- readers without partition discovery, such as Power BI's folder connector, still see it). The Hive
-- connector takes partition values from the metastore (the directory names) and reads only the
-- non-partition columns from the files, by name (hive.parquet.use-column-names, the default), so the
-- in-file copy is ignored and declaring fiscal_year once, as the partition column, is correct; both
-- values are the same by construction. Trino requires partition columns last, hence fiscal_year at the
-- end. sync_partition_metadata registers the partitions found on disk; call it again after each load
-- publishes (FULL also drops partitions whose folder is gone). A fact table with no rows is written as
-- one file at the table root and no partition folder: the table then reads as empty.
--
-- Types follow the warehouse contract: varchar for text and codes, integer for years, counts and line
-- numbers, bigint for yen, double for ratios, date for dates, timestamp(3) for load times (the files
-- hold microseconds; the Hive connector reads at hive.timestamp-precision, milliseconds by default).

""";
}
