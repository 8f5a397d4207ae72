using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Report;

/// <summary>
/// The files of sql/queries/ and the tables and views each one reads, so that a reader (the report, the
/// tests) can tell a query whose relations are not in this warehouse from a broken one.
/// </summary>
internal static partial class QueryCatalog
{
    public static string Folder => Path.Combine(SqlScripts.Root, "queries");

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public static string Read(string fileName) => File.ReadAllText(PathOf(fileName));

    /// <summary>Warehouse relations (dim_, fact_, bridge_, etl_ tables and v_ views) a query names after FROM or JOIN, minus its own CTEs.</summary>
    public static IReadOnlySet<string> ReferencedRelations(string sql)
    {
        var text = LineComment().Replace(sql, " ");
        var ctes = CteName().Matches(text).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return FromOrJoin().Matches(text)
            .Select(m => m.Groups[1].Value.ToLowerInvariant())
            .Where(name => !ctes.Contains(name) && WarehouseName().IsMatch(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Tables and views of the open database's main schema.</summary>
    public static async Task<IReadOnlySet<string>> RelationsAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_tables() where schema_name = 'main' union select view_name from duckdb_views() where schema_name = 'main' and not internal",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The relations <paramref name="sql"/> reads that <paramref name="existing"/> lacks, in name order.</summary>
    public static IReadOnlyList<string> Missing(string sql, IReadOnlySet<string> existing) =>
        [.. ReferencedRelations(sql).Where(r => !existing.Contains(r)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"(?:\bwith|,)\s+([A-Za-z_][A-Za-z0-9_]*)\s+as\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CteName();

    [GeneratedRegex(@"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex FromOrJoin();

    [GeneratedRegex(@"^(?:dim|fact|bridge|etl|v)_[a-z0-9_]+$")]
    private static partial Regex WarehouseName();
}
