using System.Data.Common;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Load;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>The columns and rows of one dashboard query; <see cref="Missing"/> names the tables this snapshot lacks for it.</summary>
internal sealed record QueryResult(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<string> Missing);

/// <summary>
/// The files of sql/dashboard/: filters.sql defines the selection's table macros on each connection, every other
/// file is one parameterised query. Values are bound as DuckDB parameters ($name); no SQL text is built from a request.
/// </summary>
internal static partial class DashboardQueries
{
    public const string Folder = "dashboard";

    public const string FiltersFile = "filters.sql";

    /// <summary>Rows the page's table shows; the CSV export takes up to <see cref="ExportLimit"/>.</summary>
    public const int TableLimit = 500;

    public const int ExportLimit = 1_000_000;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(() =>
        SqlScripts.Files(Folder).Where(f => Path.GetFileName(f) != FiltersFile)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal));

    /// <summary>Every query's name (its file name without .sql).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys.Order(StringComparer.Ordinal);

    public static string Text(string name) => Files.Value.TryGetValue(name, out var sql) ? sql : throw new ArgumentException($"no dashboard query {name}", nameof(name));

    /// <summary>Creates the table macros of filters.sql on a fresh connection.</summary>
    public static async Task DefineFiltersAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqlScripts.Read(Path.Combine(Folder, FiltersFile));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the named query with the selection (and $limit) bound; a query whose tables the snapshot lacks returns no rows.</summary>
    public static Task<QueryResult> RunAsync(SnapshotLease lease, string name, DashboardFilter filter, int limit, CancellationToken cancellationToken) =>
        RunAsync(lease.Connection, lease.Relations, name, filter, limit, cancellationToken);

    /// <summary>Runs the named query on a connection that has run <see cref="DefineFiltersAsync"/>; <paramref name="relations"/> are the snapshot's tables and views.</summary>
    public static async Task<QueryResult> RunAsync(DuckDBConnection connection, IReadOnlySet<string> relations, string name, DashboardFilter filter, int limit, CancellationToken cancellationToken)
    {
        var sql = Text(name);
        var missing = SqlRequirements.Missing(sql, relations);
        if (missing.Count > 0)
        {
            return new QueryResult(name, [], [], missing);
        }

        var values = new Dictionary<string, object?>(filter.Parameters(), StringComparer.Ordinal) { ["limit"] = limit };
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in ParameterNames(sql))
        {
            command.Parameters.Add(new DuckDBParameter(parameter, values.TryGetValue(parameter, out var v) ? v ?? DBNull.Value : throw new InvalidOperationException($"sql/dashboard/{name}.sql: unknown parameter ${parameter}")));
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(name, columns, rows, []);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException($"sql/dashboard/{name}.sql: {ex.Message}", ex);
        }
    }

    /// <summary>The $names a query binds, each once.</summary>
    public static IReadOnlyList<string> ParameterNames(string sql) =>
        [.. Parameter().Matches(Regex.Replace(sql, "--[^\n]*", "")).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$([a-z_][a-z0-9_]*)")]
    private static partial Regex Parameter();
}
