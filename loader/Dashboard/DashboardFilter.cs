using System.Globalization;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>
/// The dashboard's selection: the slicers (municipality, fiscal-year range, theme, department, function, family) and the
/// filters set by clicks and drill-down (bureau, pillar, section, status). Read from the query string; every
/// value reaches SQL only as a bound parameter.
/// </summary>
internal sealed record DashboardFilter
{
    /// <summary>Query-string names, in the order the page shows them.</summary>
    public static readonly string[] Names = ["municipality", "fy_from", "fy_to", "theme", "department", "function", "family", "bureau", "pillar", "section", "status"];

    private const int MaxLength = 400;

    public string? Municipality { get; init; }

    public int? FyFrom { get; init; }

    public int? FyTo { get; init; }

    public string? Theme { get; init; }

    public string? Department { get; init; }

    /// <summary>The budget function (款) by name, e.g. 民生費.</summary>
    public string? Function { get; init; }

    public string? Family { get; init; }

    public string? Bureau { get; init; }

    public string? Pillar { get; init; }

    public string? Section { get; init; }

    public string? Status { get; init; }

    /// <summary>Parses the selection; an unreadable value is an error message naming it, never a guess.</summary>
    public static (DashboardFilter? Filter, string? Error) Parse(Func<string, string?> get)
    {
        foreach (var name in Names)
        {
            if (get(name) is { Length: > MaxLength })
            {
                return (null, $"{name}: longer than {MaxLength} characters");
            }
        }

        var from = Year(get("fy_from"));
        var to = Year(get("fy_to"));
        if ((from.Error ?? to.Error) is { } error)
        {
            return (null, error);
        }

        return (new DashboardFilter
        {
            Municipality = Text(get("municipality")),
            FyFrom = from.Value,
            FyTo = to.Value,
            Theme = Text(get("theme")),
            Department = Text(get("department")),
            Function = Text(get("function")),
            Family = Text(get("family")),
            Bureau = Text(get("bureau")),
            Pillar = Text(get("pillar")),
            Section = Text(get("section")),
            Status = Text(get("status")),
        }, null);
    }

    /// <summary>The parameter values by name (without the $), nulls included.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["municipality"] = Municipality,
        ["fy_from"] = FyFrom,
        ["fy_to"] = FyTo,
        ["theme"] = Theme,
        ["department"] = Department,
        ["function"] = Function,
        ["family"] = Family,
        ["bureau"] = Bureau,
        ["pillar"] = Pillar,
        ["section"] = Section,
        ["status"] = Status,
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static (int? Value, string? Error) Year(string? value) =>
        string.IsNullOrWhiteSpace(value) ? (null, null)
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? (year, null)
        : (null, $"'{value}' is not a fiscal year (e.g. 2024)");
}
