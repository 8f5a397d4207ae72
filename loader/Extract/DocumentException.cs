namespace BudgetWarehouse.Loader.Extract;

/// <summary>A document cannot be loaded; carries the file and line the problem is at (0 = whole file).</summary>
public sealed class DocumentException : Exception
{
    public DocumentException(string file, int line, string reason)
        : base(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public DocumentException()
    {
        File = "";
        Reason = "";
    }

    public DocumentException(string message) : base(message)
    {
        File = "";
        Reason = message;
    }

    public DocumentException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public string File { get; }

    public int Line { get; }

    public string Reason { get; }
}
