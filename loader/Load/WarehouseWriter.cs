using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// Writes one snapshot database: applies sql/schema, streams rows through DuckDB appenders (never row-by-row
/// SQL), then runs sql/load and sql/views. Document text only ever reaches DuckDB as appended values.
/// </summary>
internal sealed class WarehouseWriter : IAsyncDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, DuckDBAppender> _appenders = new(StringComparer.Ordinal);
    private bool _closed;

    private WarehouseWriter(DuckDBConnection connection) => _connection = connection;

    public DuckDBConnection Connection => _connection;

    /// <summary>Creates a database with sql/schema applied; <paramref name="memoryLimit"/> as in <see cref="Options.WarehouseOptions.DuckDbMemoryLimit"/>.</summary>
    public static async Task<WarehouseWriter> CreateAsync(string databasePath, CancellationToken cancellationToken, string? memoryLimit = null)
    {
        var connection = await OpenConnectionAsync(databasePath, memoryLimit, cancellationToken).ConfigureAwait(false);
        await SqlScripts.RunFolderAsync(connection, "schema", cancellationToken).ConfigureAwait(false);
        return new WarehouseWriter(connection);
    }

    /// <summary>Opens an existing snapshot database (a copy of the previous one) to change it in place; no schema is applied.</summary>
    public static async Task<WarehouseWriter> OpenAsync(string databasePath, CancellationToken cancellationToken, string? memoryLimit = null) =>
        new(await OpenConnectionAsync(databasePath, memoryLimit, cancellationToken).ConfigureAwait(false));

    private static async Task<DuckDBConnection> OpenConnectionAsync(string databasePath, string? memoryLimit, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath}");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(memoryLimit))
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = $"set memory_limit = '{memoryLimit.Replace("'", "", StringComparison.Ordinal)}'";
            await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>Appends everything one document contributes. Add a line here for each new table.</summary>
    public void Append(DocumentRows rows)
    {
        Append("dim_document", [rows.Document], RowAppender<DimDocumentRow>.Append);
        Append("dim_policy", rows.Policies, RowAppender<DimPolicyRow>.Append);
        Append("fact_initiative", rows.Initiatives, RowAppender<FactInitiativeRow>.Append);
        Append("fact_measure", rows.Measures, RowAppender<FactMeasureRow>.Append);
        Append("fact_milestone", rows.Milestones, RowAppender<FactMilestoneRow>.Append);
        Append("fact_plan_achievement", rows.PlanAchievements, RowAppender<FactPlanAchievementRow>.Append);
        Append("fact_plan_status", rows.PlanStatuses, RowAppender<FactPlanStatusRow>.Append);
        Append("fact_plan_transition", rows.PlanTransitions, RowAppender<FactPlanTransitionRow>.Append);
        Append("fact_source_line", rows.SourceLines, RowAppender<FactSourceLineRow>.Append);
    }

    /// <summary>Appends rows to a table through its (lazily created, kept open) appender.</summary>
    public void Append<T>(string table, IEnumerable<T> rows, Action<IDuckDBAppenderRow, T> write)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (!_appenders.TryGetValue(table, out var appender))
        {
            appender = _connection.CreateAppender(table);
            _appenders[table] = appender;
        }

        // AppendRow hands every row the appender's one reusable row object; CreateRow allocates one per row.
        foreach (var row in rows)
        {
            appender.AppendRow(row, write);
        }
    }

    /// <summary>Flushes and closes the appenders, so that SQL can add rows to the same tables.</summary>
    public void EndAppend() => CloseAppenders();

    /// <summary>Flushes the appenders and derives dimensions and corrections (sql/load); <paramref name="timed"/> receives each step's wall time.</summary>
    public async Task DeriveAsync(CancellationToken cancellationToken, Action<string, TimeSpan>? timed = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        CloseAppenders();
        timed?.Invoke("flush appenders", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        await SqlScripts.RunFolderAsync(_connection, "load", cancellationToken, timed).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the cross-year lineage of the series <paramref name="changes"/> names up to date (<see cref="LineageLoad"/>,
    /// using up to <paramref name="parallelism"/> threads). Returns the series recomputed and the rows written for them.
    /// </summary>
    public Task<(int Series, long Rows)> LinkAsync(int parallelism, SnapshotChanges changes, CancellationToken cancellationToken, Action<string, TimeSpan>? timed = null) =>
        LineageLoad.RefreshAsync(_connection, parallelism, cancellationToken, changes, timed);

    /// <summary>
    /// Tables that sql/aggregate fills from the views (so after the lineage): the lake exports them with the lineage.
    /// </summary>
    public static readonly IReadOnlySet<string> ViewAggregates = new HashSet<string>(StringComparer.Ordinal) { "agg_dashboard_yoy" };

    /// <summary>
    /// Creates the views (sql/views), then brings the tables derived from them (sql/aggregate) up to date for the series
    /// whose lineage <see cref="LinkAsync"/> recomputed, recording in <paramref name="changes"/> the lake files of their
    /// rows before and after.
    /// </summary>
    public async Task CreateViewsAsync(SnapshotChanges changes, CancellationToken cancellationToken, Action<string, TimeSpan>? timed = null)
    {
        await SqlScripts.RunFolderAsync(_connection, "views", cancellationToken, timed).ConfigureAwait(false);
        await AddAggregateFilesAsync(changes, cancellationToken).ConfigureAwait(false);
        await SqlScripts.RunFolderAsync(_connection, "aggregate", cancellationToken, timed).ConfigureAwait(false);
        await AddAggregateFilesAsync(changes, cancellationToken).ConfigureAwait(false);
        await LineageLoad.DropPendingAsync(_connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lake files (fiscal year, group) of the aggregate rows of the series the lineage recomputed.</summary>
    private async Task AddAggregateFilesAsync(SnapshotChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Everything)
        {
            return;
        }

        foreach (var table in ViewAggregates)
        {
            // The series key as the lineage writes it: an unnamed municipality is '' there and (不明) in the aggregate.
            changes.AddFiles(table, await _connection.QueryAsync<(int, string)>(new CommandDefinition(
                $"select distinct a.fiscal_year, {ParquetExporter.FileGroupSql("a.source_initiative_id")} from {table} as a " +
                $"inner join {LineageLoad.PendingTable} as s on s.municipality_key = case when a.municipality = '(不明)' then '' else a.municipality end and s.family = a.family",
                cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
    }

    public void AppendRunLog(IEnumerable<EtlDocumentRow> documents)
    {
        using var appender = _connection.CreateAppender("etl_document");
        foreach (var d in documents)
        {
            RowAppender<EtlDocumentRow>.Append(appender.CreateRow(), d);
        }
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        CloseAppenders();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void CloseAppenders()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }

        _appenders.Clear();
    }
}
