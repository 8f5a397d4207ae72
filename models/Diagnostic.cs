namespace BudgetWarehouse.Models;

/// <summary>How serious a parser or loader finding is.</summary>
public enum Severity
{
    /// <summary>Worth telling the user; the document still loads.</summary>
    Warning,

    /// <summary>The document cannot be loaded.</summary>
    Error,
}

/// <summary>A finding about a document, tied to the file and line it concerns.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="File">File name relative to the documents folder.</param>
/// <param name="Line">1-based line number, or 0 when the finding concerns the whole file.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}"
                 : $"{File}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
