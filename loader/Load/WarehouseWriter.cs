using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Models;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// Writes one snapshot database: applies sql/schema, streams rows through DuckDB appenders (never row-by-row
/// SQL), then runs sql/load and sql/views. Document text only ever reaches DuckDB as appended values.
/// </summary>
internal sealed class WarehouseWriter : IAsyncDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBAppender _documents;
    private readonly DuckDBAppender _policies;
    private readonly DuckDBAppender _initiatives;

    private WarehouseWriter(DuckDBConnection connection)
    {
        _connection = connection;
        _documents = connection.CreateAppender("dim_document");
        _policies = connection.CreateAppender("dim_policy");
        _initiatives = connection.CreateAppender("fact_initiative");
    }

    public DuckDBConnection Connection => _connection;

    public static async Task<WarehouseWriter> CreateAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath}");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqlScripts.RunFolderAsync(connection, "schema", cancellationToken).ConfigureAwait(false);
        return new WarehouseWriter(connection);
    }

    public void Append(DocumentRows rows)
    {
        TableWriters.Append(_documents.CreateRow(), rows.Document);
        foreach (var p in rows.Policies)
        {
            TableWriters.Append(_policies.CreateRow(), p);
        }

        foreach (var i in rows.Initiatives)
        {
            TableWriters.Append(_initiatives.CreateRow(), i);
        }
    }

    /// <summary>Closes the appenders, then derives dimensions and creates views.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        CloseAppenders();
        await SqlScripts.RunFolderAsync(_connection, "load", cancellationToken).ConfigureAwait(false);
        await SqlScripts.RunFolderAsync(_connection, "views", cancellationToken).ConfigureAwait(false);
    }

    public void AppendRunLog(IEnumerable<EtlDocumentRow> documents)
    {
        using var appender = _connection.CreateAppender("etl_document");
        foreach (var d in documents)
        {
            TableWriters.Append(appender.CreateRow(), d);
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

    private bool _closed;

    private void CloseAppenders()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _documents.Dispose();
        _policies.Dispose();
        _initiatives.Dispose();
    }
}
