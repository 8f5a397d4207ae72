using System.Globalization;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>
/// Stable keys. Everything derives from the document id (a content hash) plus a position inside the
/// document, so loading the same documents again yields the same keys.
/// </summary>
internal static class Ids
{
    public const string UnknownDepartment = "unknown";

    public static string Document(string sha256Hex) => sha256Hex[..16];

    public static string Policy(string documentId, string code) => $"{documentId}-P{code}";

    public static string Initiative(string documentId, int seq) => $"{documentId}-I{seq.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string Measure(string initiativeId, int ordinal) => $"{initiativeId}-M{ordinal.ToString("D2", CultureInfo.InvariantCulture)}";

    public static string Milestone(string initiativeId, int ordinal) => $"{initiativeId}-T{ordinal.ToString("D2", CultureInfo.InvariantCulture)}";

    public static string Achievement(string documentId, int position) => $"{documentId}-A{position.ToString("D3", CultureInfo.InvariantCulture)}";
}
