using System.Data.Common;
using Dapper;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// The tables and views a .sql file needs, declared in its header as <c>-- requires: fact_measure, v_initiative</c>.
/// A view, query or data test whose requirements are not in the database is skipped with that reason instead of
/// failing: tables arrive in the warehouse one family of facts at a time, and a warehouse loaded without one of
/// them is still usable for everything else.
/// </summary>
internal static class SqlRequirements
{
    private const string Marker = "-- requires:";

    /// <summary>Names listed in the file's <c>-- requires:</c> header lines.</summary>
    public static IReadOnlyList<string> Parse(string sql)
    {
        var names = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
            {
                names.AddRange(trimmed[Marker.Length..].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return names;
    }

    /// <summary>Tables and views of the main schema (user objects only).</summary>
    public static async Task<HashSet<string>> RelationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_tables() where schema_name = 'main' and database_name = current_database() " +
            "union select view_name from duckdb_views() where schema_name = 'main' and database_name = current_database() and not internal",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The requirements of <paramref name="sql"/> that are not among <paramref name="present"/>.</summary>
    public static IReadOnlyList<string> Missing(string sql, IReadOnlySet<string> present) =>
        [.. Parse(sql).Where(n => !present.Contains(n))];

    /// <summary>The view a file creates (<c>create or replace view NAME</c>), or null.</summary>
    public static string? CreatedView(string sql) =>
        System.Text.RegularExpressions.Regex.Match(sql, @"create\s+(?:or\s+replace\s+)?view\s+(?:if\s+not\s+exists\s+)?""?(\w+)""?",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The reason a file is skipped, e.g. "needs fact_measure (not in this warehouse)".</summary>
    public static string SkipReason(IReadOnlyList<string> missing) =>
        $"needs {string.Join(", ", missing)} (not in this warehouse)";
}
