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

    // string.Create formats the number in place, without a string of its own.
    public static string Initiative(string documentId, int seq) => string.Create(CultureInfo.InvariantCulture, $"{documentId}-I{seq:D4}");

    public static string Measure(string initiativeId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{initiativeId}-M{ordinal:D2}");

    public static string Milestone(string initiativeId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{initiativeId}-T{ordinal:D2}");

    public static string Achievement(string documentId, int position) => string.Create(CultureInfo.InvariantCulture, $"{documentId}-A{position:D3}");
}
