using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>A table written to the lake.</summary>
internal sealed record LakeTable(string Name, long Rows, string Path, string? PartitionedBy);

/// <summary>
/// Writes every table of a snapshot database to Parquet with DuckDB's COPY: facts partitioned by fiscal
/// year (hive layout, with the partition column also kept inside the files so that readers without
/// partition discovery, such as Power BI's folder connector, still see it). Writes views.sql for DuckDB
/// users and notebooks.
/// </summary>
internal static class ParquetExporter
{
    public const string ViewsFile = "views.sql";

    public static async Task<IReadOnlyList<LakeTable>> ExportAsync(DuckDBConnection connection, string lakeDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(lakeDir);
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_tables() where schema_name = 'main' and not temporary order by table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        var result = new List<LakeTable>();
        foreach (var table in tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"select count(*) from \"{table}\"", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var hasYear = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "select count(*) from duckdb_columns() where table_name = $t and column_name = 'fiscal_year'", new { t = table },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
            var partitioned = table.StartsWith("fact_", StringComparison.Ordinal) && hasYear && rows > 0;
            var dir = Path.Combine(lakeDir, table);
            Directory.CreateDirectory(dir);
            var order = await OrderByAsync(connection, table, cancellationToken).ConfigureAwait(false);
            string sql = partitioned
                ? $"copy (select * from \"{table}\" order by {order}) to '{Escape(dir)}' (format parquet, partition_by (fiscal_year), write_partition_columns true, overwrite_or_ignore true, filename_pattern 'part_{{i}}')"
                : $"copy (select * from \"{table}\" order by {order}) to '{Escape(Path.Combine(dir, "part_0.parquet"))}' (format parquet)";
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            result.Add(new LakeTable(table, rows, table + "/", partitioned ? "fiscal_year" : null));
        }

        await File.WriteAllTextAsync(Path.Combine(lakeDir, ViewsFile), ViewsSql(lakeDir, result), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes _manifest.json: the snapshot, its tables with row counts, and its source documents.</summary>
    public static async Task WriteManifestAsync(string lakeDir, object manifest, CancellationToken cancellationToken)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        await File.WriteAllTextAsync(Path.Combine(lakeDir, "_manifest.json"), JsonSerializer.Serialize(manifest, options) + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string ViewsSql(string lakeDir, IEnumerable<LakeTable> tables)
    {
        var sb = new StringBuilder();
        sb.AppendLine("-- Views over this snapshot's Parquet lake, with the same names and columns as budget.duckdb.");
        sb.AppendLine("-- Use: duckdb -init warehouse/parquet/views.sql   (or run this file from a notebook).");
        sb.AppendLine("-- The lake is read where it was written; to read a copied lake, first run");
        sb.AppendLine("--   set variable bw_lake = '/path/to/parquet';");
        sb.AppendLine($"set variable bw_lake = coalesce(getvariable('bw_lake'), '{Escape(Path.GetFullPath(lakeDir))}');");
        foreach (var t in tables)
        {
            sb.AppendLine($"create or replace view {t.Name} as select * from read_parquet(getvariable('bw_lake') || '/{t.Name}/**/*.parquet', hive_partitioning = false);");
        }

        AppendSemanticViews(sb, tables.Select(t => t.Name));
        return sb.ToString();
    }

    /// <summary>
    /// The semantic layer (sql/views, the same files budget.duckdb was given) over the table views above, so that
    /// v_initiative and the rest read the same in a notebook on the lake. A view needing a table the lake lacks is
    /// left out with a comment saying so.
    /// </summary>
    private static void AppendSemanticViews(StringBuilder sb, IEnumerable<string> tableNames)
    {
        var present = new HashSet<string>(tableNames, StringComparer.OrdinalIgnoreCase);
        foreach (var file in SqlScripts.Files("views"))
        {
            var sql = File.ReadAllText(file);
            var name = SqlRequirements.CreatedView(sql) ?? Path.GetFileNameWithoutExtension(file);
            var missing = SqlRequirements.Missing(sql, present);
            sb.AppendLine();
            if (missing.Count > 0)
            {
                sb.AppendLine($"-- {name} left out: {SqlRequirements.SkipReason(missing)}");
                continue;
            }

            sb.AppendLine($"-- sql/views/{Path.GetFileName(file)}");
            sb.AppendLine(sql.TrimEnd());
            present.Add(name);
        }
    }

    private static async Task<string> OrderByAsync(DuckDBConnection connection, string table, CancellationToken cancellationToken)
    {
        // Deterministic files: order by the first column (every table's key or run id comes first).
        var first = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select column_name from duckdb_columns() where table_name = $t order by column_index limit 1", new { t = table },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return $"\"{first}\"";
    }

    private static string Escape(string s) => s.Replace("'", "''", StringComparison.Ordinal);
}
