using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Departments;

/// <summary>
/// The organisation directory as type-2 history: the reference rows plus the reorganisations documents
/// state. For one municipality and name, validity ranges never overlap.
/// </summary>
internal sealed class OrgDirectory
{
    private readonly List<OrgUnit> _units;

    public OrgDirectory(IEnumerable<OrgUnit> units) => _units = [.. units];

    public IReadOnlyList<OrgUnit> Units => _units;

    /// <summary>The row of <paramref name="name"/> valid in <paramref name="fiscalYear"/> for exactly this municipality.</summary>
    public OrgUnit? ValidIn(string? municipality, string name, int fiscalYear) =>
        _units.FirstOrDefault(u => u.Municipality == municipality && u.Name == name && u.IsValidIn(fiscalYear));

    /// <summary>Without a municipality: the row valid in the year in any municipality, else the latest row of that name.</summary>
    public OrgUnit? ByNameOnly(string name, int fiscalYear) =>
        _units.Where(u => u.Name == name).OrderByDescending(u => u.IsValidIn(fiscalYear)).ThenByDescending(u => u.ValidFrom ?? int.MinValue).FirstOrDefault();

    /// <summary>Nearest 局 or 部 at or above the unit; without one, the top of its chain (委員会, 監, 病院, 事務局 …).</summary>
    public string? BureauOf(OrgUnit unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        OrgUnit? top = null;
        for (OrgUnit? u = unit; u is not null && seen.Add(u.Name); u = ParentOf(u))
        {
            if (u.Kind is "局" or "部")
            {
                return u.Name;
            }

            top = u;
        }

        return top?.Name;
    }

    private OrgUnit? ParentOf(OrgUnit unit)
    {
        if (unit.Parent is null)
        {
            return null;
        }

        var candidates = _units.Where(u => u.Municipality == unit.Municipality && u.Name == unit.Parent).ToList();
        var year = unit.ValidFrom ?? unit.ValidTo;
        return (year is { } y ? candidates.FirstOrDefault(c => c.IsValidIn(y)) : null) ?? candidates.LastOrDefault();
    }

    /// <summary>A new directory with the stated reorganisations applied in fiscal-year order.</summary>
    public OrgDirectory Apply(IEnumerable<StatedChange> changes)
    {
        var result = new OrgDirectory(_units);
        foreach (var c in changes.OrderBy(c => c.FiscalYear).ThenBy(c => c.FileName, StringComparer.Ordinal).ThenBy(c => c.Change.Line))
        {
            result.ApplyOne(c);
        }

        return result;
    }

    private void ApplyOne(StatedChange stated)
    {
        var (change, muni, fy) = (stated.Change, stated.Municipality, stated.FiscalYear);
        var origin = $"{stated.FileName}:{change.Line} 「{change.Phrase}」";
        if (change.Kind == OrgChangeKind.Mention)
        {
            ApplyMention(change, muni, fy, origin);
            return;
        }

        var parents = new List<string?>();
        var unplaced = new List<string>();
        foreach (var source in change.Sources)
        {
            if (ValidIn(muni, source, fy) is { } current)
            {
                parents.Add(current.Parent);
                if ((current.ValidFrom ?? int.MinValue) < fy)
                {
                    Replace(current, current with { ValidTo = fy - 1, Note = Join(current.Note, $"ends FY{fy - 1}: {origin}") });
                }
            }
            else if (ValidIn(muni, source, fy - 1) is { } ended)
            {
                parents.Add(ended.Parent);
            }
            else if (LatestOf(muni, source) is { } earlier)
            {
                // Ended before: a later year's document repeats an earlier reorganisation.
                parents.Add(earlier.Parent);
            }
            else
            {
                unplaced.Add(source);
            }
        }

        var parent = change.Parent ?? (parents.Where(p => p is not null).Distinct().Count() == 1 ? parents.First(p => p is not null) : null);
        var targetParent = parent ?? ValidIn(muni, change.Target, fy)?.Parent;
        foreach (var source in unplaced)
        {
            // Not in the directory: it existed until the year before; assume it sat where the merged unit sits.
            var assumed = targetParent is null ? "" : $" (parent {targetParent} assumed from {change.Target})";
            _units.Add(New(muni, source, targetParent, null, fy - 1, $"ends FY{fy - 1}, reorganised into {change.Target}{assumed}: {origin}", origin));
        }

        if (ValidIn(muni, change.Target, fy) is { } existing)
        {
            if (existing.ValidFrom == fy)
            {
                Replace(existing, existing with { Parent = existing.Parent ?? parent, Note = Join(existing.Note, $"confirmed by {origin}") });
            }
            else if (change.Kind == OrgChangeKind.Create && existing.Source != "document")
            {
                // The document says the unit is new in this year: the statement wins over the directory.
                Replace(existing, existing with { ValidFrom = fy, Parent = existing.Parent ?? parent, Note = Join(existing.Note, $"valid_from set to FY{fy} by {origin}") });
            }

            return;
        }

        var next = _units.Where(u => u.Municipality == muni && u.Name == change.Target && u.ValidFrom > fy).Min(u => u.ValidFrom);
        var what = change.Kind == OrgChangeKind.Merge ? $"reorganised from {string.Join(", ", change.Sources)}" : "created";
        _units.Add(New(muni, change.Target, parent, fy, next - 1, $"{what} in FY{fy}: {origin}", origin));
    }

    /// <summary>
    /// A unit named on a page: a directory row valid in the year stands; a name the municipality has no row of gets one
    /// valid in every year (the page shows it exists, not since when), under the bureau named with it (itself added the
    /// same way). A name whose rows end before or start after the year is left to the validity step (sql/load/040).
    /// </summary>
    private void ApplyMention(OrgChange change, string? muni, int fy, string origin)
    {
        if (change.Parent is { } parent && !_units.Any(u => u.Municipality == muni && u.Name == parent))
        {
            _units.Add(New(muni, parent, null, null, null, $"named on a page (as the bureau of {change.Target}): {origin}", origin));
        }

        if (ValidIn(muni, change.Target, fy) is null && !_units.Any(u => u.Municipality == muni && u.Name == change.Target))
        {
            _units.Add(New(muni, change.Target, change.Parent, null, null, $"named on a page: {origin}", origin));
        }
    }

    private OrgUnit? LatestOf(string? municipality, string name) =>
        _units.Where(u => u.Municipality == municipality && u.Name == name).MaxBy(u => u.ValidTo ?? int.MaxValue);

    private static OrgUnit New(string? muni, string name, string? parent, int? from, int? to, string note, string origin) => new()
    {
        Municipality = muni,
        Name = name,
        Kind = ReorganisationParser.KindOf(name) ?? "室",
        Parent = parent,
        ValidFrom = from,
        ValidTo = to,
        Note = note,
        Source = "document",
        Origin = origin,
    };

    private void Replace(OrgUnit old, OrgUnit updated) => _units[_units.IndexOf(old)] = updated;

    private static string Join(string? a, string b) => string.IsNullOrEmpty(b) ? a ?? "" : string.IsNullOrEmpty(a) ? b : $"{a}; {b}";

    /// <summary>Stable key: municipality, name and first fiscal year.</summary>
    public static string Key(OrgUnit unit)
    {
        var basis = $"{unit.Municipality}|{unit.Name}|{unit.ValidFrom?.ToString(CultureInfo.InvariantCulture)}";
        return "D" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..12];
    }

    /// <summary>The dim_department rows of the directory (the 'unknown' member is added by sql/load).</summary>
    public IEnumerable<DimDepartmentRow> Rows() => _units.Select(u => new DimDepartmentRow
    {
        DepartmentId = Key(u),
        Name = u.Name,
        Bureau = BureauOf(u),
        Kind = u.Kind,
        Municipality = u.Municipality,
        ValidFromFy = u.ValidFrom,
        ValidToFy = u.ValidTo,
        Source = u.Source,
        Parent = u.Parent,
        Evidence = u.Source == "reference" ? Join(u.Origin, u.Note ?? "") : u.Note,
    });
}
