using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>A table written to the lake.</summary>
internal sealed record LakeTable(string Name, long Rows, string Path, string? PartitionedBy);

/// <summary>
/// Writes every table of a snapshot database to Parquet with DuckDB's COPY: facts, policies, lineage and the dashboard's aggregates
/// partitioned by fiscal year (<see cref="IsPartitioned"/>; hive layout, with the partition column also kept inside the files so that readers without
/// partition discovery, such as Power BI's folder connector, still see it), each year in up to 4 files by
/// <see cref="FileGroup"/> so that a reload rewrites a quarter of the year for the documents it changed. Writes
/// views.sql for DuckDB users and notebooks.
/// </summary>
internal static class ParquetExporter
{
    public const string ViewsFile = "views.sql";

    /// <summary>The file name of each table's (or each fiscal-year partition's) Parquet file.</summary>
    public const string PartFile = "part_0.parquet";

    /// <summary>How the lake's files are cut, as _manifest.json states it.</summary>
    public const string Layout =
        "Tables with partitioned_by = fiscal_year are folders fiscal_year=YYYY/ (the column is also inside the files), each holding " +
        "group_G.parquet files: G (0-3) is the first hex digit of the row's document_id (or of its source_initiative_id or initiative_id, which begin with the " +
        "document id) divided by 4, so a year has up to 4 files; read every *.parquet under the table's folder as one table. Other tables are one part_0.parquet.";

    /// <summary>
    /// The file group of a row from its document id or an id beginning with it (initiative ids): its first hex digit
    /// divided by 4, so 0 to 3. Four files a year cost a full export no more than one (measured at national size:
    /// 16 files a year doubled the CPU of writing fact_initiative), and a reload rewrites a quarter of a year.
    /// </summary>
    public static string FileGroup(string documentOrInitiativeId) =>
        ((char)('0' + (HexDigits.IndexOf(documentOrInitiativeId[0], StringComparison.Ordinal) / 4))).ToString();

    /// <summary><see cref="FileGroup"/> in SQL, over a column.</summary>
    public static string FileGroupSql(string column) => $"chr(cast(48 + (instr('{HexDigits}', left({column}, 1)) - 1) // 4 as integer))";

    private const string HexDigits = "0123456789abcdef";

    /// <summary>The group of every row of a partitioned table with no document or initiative id: one file a year, always written.</summary>
    private const string WholeYear = "all";

    /// <summary>
    /// Rows a partitioned COPY buffers per file (fiscal year and group) before writing them out (DuckDB's default:
    /// 524,288). With 4 files a year, half the 60,000 measured best when a year was one file: the rows buffered
    /// across a table's files double rather than quadruple.
    /// </summary>
    private const int PartitionFlushRows = 30_000;

    /// <summary>Writes every table of the database and views.sql.</summary>
    public static async Task<IReadOnlyList<LakeTable>> ExportAsync(DuckDBConnection connection, string lakeDir, CancellationToken cancellationToken)
    {
        var tables = await ExportTablesAsync(connection, lakeDir, await TablesAsync(connection, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await WriteViewsAsync(lakeDir, tables, cancellationToken).ConfigureAwait(false);
        return tables;
    }

    /// <summary>The tables of the database's main schema, by name.</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(DuckDBConnection connection, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_tables() where schema_name = 'main' and not temporary order by table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false)];

    /// <summary>
    /// Writes the given tables. With <paramref name="reuse"/>, a file (fiscal year and group) the load did not change is
    /// linked from the previous snapshot's lake instead of written again (hard links: the previous snapshot may be removed).
    /// </summary>
    public static async Task<IReadOnlyList<LakeTable>> ExportTablesAsync(DuckDBConnection connection, string lakeDir, IEnumerable<string> tables, CancellationToken cancellationToken,
        Action<string, TimeSpan>? timed = null, (SnapshotChanges Changes, string PreviousLake)? reuse = null)
    {
        Directory.CreateDirectory(lakeDir);

        // A partitioned COPY keeps a buffer per file until it holds this many rows: a smaller buffer bounds the export's
        // memory (measured at 17,410 documents with one file a year: fact_initiative 657 → 605 MB peak, and no slower).
        await connection.ExecuteAsync(new CommandDefinition($"set partitioned_write_flush_threshold = {PartitionFlushRows}", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var result = new List<LakeTable>();
        foreach (var table in tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"select count(*) from \"{table}\"", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var columns = (await connection.QueryAsync<string>(new CommandDefinition(
                "select column_name from duckdb_columns() where schema_name = 'main' and table_name = $t", new { t = table },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var partitioned = IsPartitioned(table) && columns.Contains("fiscal_year") && rows > 0;
            var dir = Path.Combine(lakeDir, table);
            Directory.CreateDirectory(dir);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (partitioned)
            {
                var key = PartitionKey(columns);
                await ExportPartitionedAsync(connection, table, key, dir, reuse, timed, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CopyAsync(connection, $"select * from \"{table}\"", Path.Combine(dir, PartFile), cancellationToken).ConfigureAwait(false);
            }

            timed?.Invoke($"parquet {table}", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            result.Add(new LakeTable(table, rows, table + "/", partitioned ? "fiscal_year" : null));
        }

        return result;
    }

    /// <summary>
    /// Writes a partitioned table's files: with <paramref name="reuse"/>, each (fiscal year, file group) of the previous
    /// snapshot's lake that the load did not touch is linked, and only the touched ones are written, by one
    /// partitioned COPY that reads only their years; otherwise every file is written by one partitioned COPY.
    /// </summary>
    private static async Task ExportPartitionedAsync(DuckDBConnection connection, string table, string? key, string dir,
        (SnapshotChanges Changes, string PreviousLake)? reuse, Action<string, TimeSpan>? timed, CancellationToken cancellationToken)
    {
        var group = key is null ? $"'{WholeYear}'" : FileGroupSql(key);
        List<(int Year, string Group)>? write = null;
        if (reuse is var (changes, previousLake) && key is not null && !changes.Everything
            && PreviousFiles(Path.Combine(previousLake, table)) is { } previous)
        {
            write = [.. changes.Files(table)];
            var linked = 0;
            foreach (var (year, g) in previous.Except(write))
            {
                if (TryLinkGroup(Path.Combine(previousLake, table, YearFolder(year)), Path.Combine(dir, YearFolder(year)), g))
                {
                    linked++;
                }
                else
                {
                    write.Add((year, g));
                }
            }

            timed?.Invoke($"parquet {table}: {linked} unchanged files linked, {write.Count} to write", TimeSpan.Zero);
            if (write.Count == 0)
            {
                return;
            }
        }

        // Written partitioned by year and group into a staging folder, then moved to fiscal_year=YYYY/group_G.parquet.
        // The years filter lets DuckDB skip row groups of other years; the join keeps the touched groups of those years.
        var where = write is null ? "" :
            $" where fiscal_year in ({string.Join(", ", write.Select(f => f.Year).Distinct())})" +
            $" and ({string.Join(" or ", write.GroupBy(f => f.Year).Select(y => $"(fiscal_year = {y.Key} and {group} in ({string.Join(", ", y.Select(f => $"'{CheckedGroup(f.Group)}'"))}))"))})";
        var staging = Path.Combine(dir, ".staging");
        await connection.ExecuteAsync(new CommandDefinition(
            $"copy (select *, fiscal_year as bw_year, {group} as bw_group from \"{table}\"{where}) to '{Escape(staging)}' " +
            "(format parquet, partition_by (bw_year, bw_group), write_partition_columns false, overwrite_or_ignore true, filename_pattern 'part_{i}')",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (year, g) in StagedFiles(staging))
        {
            var target = Path.Combine(dir, YearFolder(year));
            Directory.CreateDirectory(target);
            var n = 0;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(staging, $"bw_year={year}", $"bw_group={g}"), "*.parquet").Order(StringComparer.Ordinal))
            {
                File.Move(file, Path.Combine(target, n++ == 0 ? $"group_{g}.parquet" : $"group_{g}_{n - 1}.parquet"));
            }
        }

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static string YearFolder(int year) => $"fiscal_year={year}";

    /// <summary>The (year, group) folders a partitioned COPY wrote into the staging folder (none when no row matched).</summary>
    private static IEnumerable<(int Year, string Group)> StagedFiles(string staging) =>
        !Directory.Exists(staging) ? [] :
        from yearDir in Directory.EnumerateDirectories(staging, "bw_year=*")
        from groupDir in Directory.EnumerateDirectories(yearDir, "bw_group=*")
        select (int.Parse(Path.GetFileName(yearDir)["bw_year=".Length..], System.Globalization.CultureInfo.InvariantCulture),
            Path.GetFileName(groupDir)["bw_group=".Length..]);

    /// <summary>
    /// The (year, group) files of a previous snapshot's table folder; null when there is no folder or a file is not in
    /// this layout (a lake written by an older loader), so that every file is written again.
    /// </summary>
    private static HashSet<(int Year, string Group)>? PreviousFiles(string previousTable)
    {
        if (!Directory.Exists(previousTable))
        {
            return null;
        }

        var result = new HashSet<(int, string)>();
        foreach (var file in Directory.EnumerateFiles(previousTable, "*.parquet", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var name = Path.GetFileNameWithoutExtension(file);
            if (!folder.StartsWith("fiscal_year=", StringComparison.Ordinal)
                || !int.TryParse(folder["fiscal_year=".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                || !name.StartsWith("group_", StringComparison.Ordinal) || name.Length < 7 || (name.Length > 7 && name[7] != '_')
                || name[6] is < '0' or > '3')
            {
                return null;
            }

            result.Add((year, name[6..7]));
        }

        return result;
    }

    /// <summary>A file group about to be written into SQL: a hex digit or <see cref="WholeYear"/>, nothing else.</summary>
    private static string CheckedGroup(string group) =>
        group == WholeYear || group is "0" or "1" or "2" or "3"
            ? group
            : throw new InvalidOperationException($"not a lake file group: '{group}'");

    /// <summary>Writes views.sql for the lake's tables (every table written, in name order).</summary>
    public static Task WriteViewsAsync(string lakeDir, IEnumerable<LakeTable> tables, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(lakeDir, ViewsFile), ViewsSql(lakeDir, tables.OrderBy(t => t.Name, StringComparer.Ordinal)), new UTF8Encoding(false), cancellationToken);

    /// <summary>
    /// Tables written as fiscal_year=YYYY/ partitions (when they have a fiscal_year column and rows): the facts, the
    /// policy tree and the lineage bridge, the tables that grow with the documents' contents. A reload rewrites only
    /// the years it changed; the dimensions of documents, years and departments stay one small file each.
    /// </summary>
    public static bool IsPartitioned(string table) =>
        table.StartsWith("fact_", StringComparison.Ordinal) || table.StartsWith("bridge_", StringComparison.Ordinal) || table == "dim_policy"
        || table.StartsWith("agg_dashboard_", StringComparison.Ordinal);

    /// <summary>
    /// The id column whose first hex digit picks a row's file group: document_id, else the id of the item a row is shown
    /// with (source_initiative_id, never null where initiative_id may be), else initiative_id; null for one file a year.
    /// </summary>
    public static string? PartitionKey(IReadOnlySet<string> columns) =>
        new[] { "document_id", "source_initiative_id", "initiative_id" }.FirstOrDefault(columns.Contains);

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

    /// <summary>
    /// Links the files of one group of a previous snapshot's year folder into the new year folder; false (and none of
    /// them left) when there are none or linking fails.
    /// </summary>
    private static bool TryLinkGroup(string previousYear, string year, string group)
    {
        if (!Directory.Exists(previousYear))
        {
            return false;
        }

        var files = Directory.EnumerateFiles(previousYear, $"group_{group}*.parquet")
            .Where(f => Path.GetFileName(f) is var name && (name == $"group_{group}.parquet" || name.StartsWith($"group_{group}_", StringComparison.Ordinal)))
            .ToList();
        if (files.Count == 0)
        {
            return false;
        }

        Directory.CreateDirectory(year);
        var linked = new List<string>();
        foreach (var file in files)
        {
            var to = Path.Combine(year, Path.GetFileName(file));
            if (!FileLinks.TryLinkOrCopy(file, to))
            {
                linked.ForEach(File.Delete);
                return false;
            }

            linked.Add(to);
        }

        return true;
    }

    /// <summary>
    /// Writes one Parquet file (a table that is not partitioned) in the table's insertion order. Partitioned tables are
    /// written by several threads at once, so the order of rows within their files is not fixed: sort in the query.
    /// </summary>
    private static Task CopyAsync(DuckDBConnection connection, string select, string file, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"copy ({select}) to '{Escape(file)}' (format parquet)", cancellationToken: cancellationToken));

    private static string Escape(string s) => s.Replace("'", "''", StringComparison.Ordinal);
}
