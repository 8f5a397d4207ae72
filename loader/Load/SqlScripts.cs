using System.Data.Common;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>Runs the .sql files shipped next to the executable (copied from the repository's sql/ folder).</summary>
internal static class SqlScripts
{
    /// <summary>The sql folder: next to the executable, or the repository's when run from a build tree.</summary>
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files(string folder) =>
        Directory.Exists(Path.Combine(Root, folder))
            ? Directory.EnumerateFiles(Path.Combine(Root, folder), "*.sql").Order(StringComparer.Ordinal)
            : [];

    /// <summary>The text of one script, by its path relative to the sql folder (e.g. <c>carry/history.sql</c>).</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>
    /// Runs every file of <paramref name="folder"/> in name order; a failure names the file. A file whose
    /// <c>-- requires:</c> tables are not in the database is skipped and returned with the reason.
    /// <paramref name="timed"/>, when given, receives each file's path (relative to the sql folder) and wall time.
    /// </summary>
    public static async Task<IReadOnlyList<(string File, string Reason)>> RunFolderAsync(DuckDBConnection connection, string folder, CancellationToken cancellationToken,
        Action<string, TimeSpan>? timed = null)
    {
        var skipped = new List<(string, string)>();
        foreach (var file in Files(folder))
        {
            var missing = SqlRequirements.Missing(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false),
                await SqlRequirements.RelationsAsync(connection, cancellationToken).ConfigureAwait(false));
            if (missing.Count > 0)
            {
                skipped.Add((Path.GetRelativePath(Root, file), SqlRequirements.SkipReason(missing)));
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await RunFileAsync(connection, file, cancellationToken).ConfigureAwait(false);
            timed?.Invoke(Path.GetRelativePath(Root, file), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        return skipped;
    }

    public static async Task RunFileAsync(DuckDBConnection connection, string file, CancellationToken cancellationToken)
    {
        var sql = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException($"{Path.GetRelativePath(Root, file)}: {ex.Message}", ex);
        }
    }

    private static string FindRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "sql");
        return Directory.Exists(beside) ? beside : Path.Combine(Directory.GetCurrentDirectory(), "sql");
    }
}
