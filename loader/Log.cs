using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader;

/// <summary>Source-generated log messages with named placeholders.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Load {RunId} started: seeds {Seeds}, warehouse {Warehouse}")]
    public static partial void LoadStarted(ILogger logger, string runId, string seeds, string warehouse);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Load {RunId} published snapshot {SnapshotId}: {Loaded} loaded, {Unchanged} unchanged, {Rejected} rejected, {Rows} rows in {ElapsedMs} ms")]
    public static partial void LoadPublished(ILogger logger, string runId, string snapshotId, int loaded, int unchanged, int rejected, long rows, long elapsedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Rejected {File} (line {Line}): {Reason}")]
    public static partial void DocumentRejected(ILogger logger, string file, int line, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Load {RunId} published nothing: {Reason}")]
    public static partial void NothingPublished(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Parser failure on {File}; the document is rejected and the others still load")]
    public static partial void ParserFailure(ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Run history of the previous snapshot could not be carried over: {Reason}")]
    public static partial void HistoryNotCarried(ILogger logger, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Load {RunId} failed")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Rows of unchanged or stale documents could not be carried from the previous snapshot; they are parsed again or rejected: {Reason}")]
    public static partial void RowsNotCarried(ILogger logger, string reason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "{Where}: {File}: {Reason}")]
    public static partial void ManifestWarning(ILogger logger, string where, string file, string reason);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Serving: seeds {Seeds}, warehouse {Warehouse}, debounce {DebounceMs} ms, rescan every {RescanSeconds} s")]
    public static partial void ServeStarted(ILogger logger, string seeds, string warehouse, int debounceMs, int rescanSeconds);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Change seen: {ChangeType} {Path}")]
    public static partial void ChangeSeen(ILogger logger, string changeType, string path);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "Rescan: nothing changed since snapshot {SnapshotId}")]
    public static partial void NothingChanged(ILogger logger, string? snapshotId);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Reload failed ({Failures} in a row, fatal at {MaxFailures})")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, int failures, int maxFailures);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "File watcher error, rescanning: {Reason}")]
    public static partial void WatcherError(ILogger logger, string reason);

    [LoggerMessage(EventId = 115, Level = LogLevel.Critical, Message = "The service stops on a fatal error")]
    public static partial void ServeFatal(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 116, Level = LogLevel.Information, Message = "Serving stopped")]
    public static partial void ServeStopped(ILogger logger);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Load progress: {Done}/{Total} documents, {MegabytesPerSecond} MB/s, ETA {Eta}")]
    public static partial void LoadProgress(ILogger logger, int done, int total, double megabytesPerSecond, string eta);
}
