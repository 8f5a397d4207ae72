using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Report;

/// <summary>The rows of one report query, or the warehouse relations it needs and this snapshot lacks.</summary>
internal sealed record ReportSection(string QueryFile, IReadOnlyList<QueryRow> Rows, IReadOnlyList<string> Missing)
{
    public bool IsAvailable => Missing.Count == 0;
}

/// <summary>Everything <c>bw report</c> shows, read from one snapshot.</summary>
internal sealed record ReportData(string SnapshotId, DateOnly? AsOf, IReadOnlyDictionary<string, ReportSection> Sections)
{
    public const string Overview = "report_overview.sql";
    public const string ThemeYear = "report_initiatives_theme_year.sql";
    public const string MoneyPillar = "report_money_pillar.sql";
    public const string MoneyRows = "report_money_rows.sql";
    public const string MoneyFunction = "report_money_function.sql";
    public const string Achievement = "report_plan_achievement.sql";
    public const string PlanStatus = "report_plan_status.sql";
    public const string PlanStatusYear = "report_plan_status_year.sql";
    public const string Milestones = "report_upcoming_milestones.sql";
    public const string Initiatives = "report_initiative_sources.sql";
    public const string SourceLines = "report_source_lines.sql";

    /// <summary>The query files the report runs, in the order it shows them.</summary>
    public static IReadOnlyList<string> QueryFiles { get; } =
        [Overview, ThemeYear, MoneyPillar, MoneyRows, MoneyFunction, Achievement, PlanStatusYear, PlanStatus, Milestones, Initiatives, SourceLines];

    public ReportSection this[string queryFile] => Sections[queryFile];

    /// <summary>
    /// Runs every report query against an open (read-only) snapshot database. A query that reads a table
    /// or view this snapshot does not have is not run; its section says which relation is missing.
    /// </summary>
    public static async Task<ReportData> ReadAsync(DuckDBConnection connection, string snapshotId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (asOf is { } date)
        {
            // Read by report_upcoming_milestones.sql; unset means "from each document's own fiscal year".
            await connection.ExecuteAsync(new CommandDefinition("set variable report_as_of = cast($asOf as date)", new { asOf = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var existing = await QueryCatalog.RelationsAsync(connection, cancellationToken).ConfigureAwait(false);
        var sections = new Dictionary<string, ReportSection>(StringComparer.Ordinal);
        foreach (var file in QueryFiles)
        {
            var sql = QueryCatalog.Read(file);
            var missing = QueryCatalog.Missing(sql, existing);
            var rows = missing.Count == 0 ? await QueryRows.RunAsync(connection, sql, cancellationToken).ConfigureAwait(false) : [];
            sections[file] = new ReportSection(file, rows, missing);
        }

        return new ReportData(snapshotId, asOf, sections);
    }
}
