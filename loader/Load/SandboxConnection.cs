using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// The one way the product opens a published snapshot for a user's reading (query, explain, docs, validate,
/// status, report): nothing said through such a connection can change the snapshot or reach files outside it.
/// </summary>
internal static class SandboxConnection
{
    /// <summary>
    /// Opens a database file as a sandbox: attached read-only to a private in-memory instance whose file system
    /// access is limited to the snapshot's lake (and <paramref name="writableFile"/>, the one output a caller
    /// names), with its configuration locked so no statement can widen that again.
    /// </summary>
    public static async Task<DuckDBConnection> OpenAsync(string databasePath, string? writableFile, CancellationToken cancellationToken)
    {
        // A private in-memory instance rather than the file itself: DuckDB.NET shares one instance per file
        // between connections, and the locked settings below must not reach another connection of the process.
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SandboxSql(Path.GetFullPath(databasePath), writableFile is null ? null : Path.GetFullPath(writableFile));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string SandboxSql(string database, string? writableFile)
    {
        var lake = Path.Combine(Path.GetDirectoryName(database)!, SnapshotStore.LakeFolder);
        var lakes = new[] { lake, NativeMethods.RealPath(lake) ?? lake }.Distinct(StringComparer.Ordinal).Select(d => Literal(d + Path.DirectorySeparatorChar));
        var files = writableFile is null ? "" : Literal(writableFile);
        var name = Path.GetFileNameWithoutExtension(database) is { Length: > 0 } stem && stem is not ("memory" or "system" or "temp") ? stem : "budget";
        var catalog = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        // Order matters: the paths are allowed before external access is switched off, and the lock comes last.
        // No temporary directory: a query that outgrows memory fails rather than writing spill files to disk.
        return $"""
            attach {Literal(database)} as {catalog} (read_only);
            use {catalog};
            set temp_directory = '';
            set autoinstall_known_extensions = false;
            set allowed_directories = [{string.Join(", ", lakes)}];
            set allowed_paths = [{files}];
            set enable_external_access = false;
            set lock_configuration = true;
            """;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
