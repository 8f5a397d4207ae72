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
}
