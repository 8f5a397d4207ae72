using System.Globalization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Load;

/// <summary>One row of seeds/manifest.csv.</summary>
internal sealed record ManifestEntry(int Line, string File, string? Family, string? Municipality, int? FiscalYear, string? Title);

/// <summary>A manifest row that could not be used, with its line.</summary>
/// <summary>A manifest row or document that could not be used; a warning concerns one field, and the rest of the row is used.</summary>
internal sealed record ManifestProblem(int Line, string? File, string Reason, bool IsWarning = false);

/// <summary>
/// Reads seeds/manifest.csv (header: file,family,municipality,fiscal_year,title; RFC 4180 quoting). Every
/// column but file may be empty: the loader then infers it. Bad rows are reported with their line and
/// skipped; the rest of the manifest still applies.
/// </summary>
internal static class Manifest
{
    public const string FileName = "manifest.csv";

    public static (IReadOnlyList<ManifestEntry> Entries, IReadOnlyList<ManifestProblem> Problems) Read(string path, IReadOnlyCollection<string> families)
    {
        var entries = new List<ManifestEntry>();
        var problems = new List<ManifestProblem>();
        if (!System.IO.File.Exists(path))
        {
            return (entries, problems);
        }

        var text = System.IO.File.ReadAllText(path);
        var rows = Csv.Parse(text);
        if (rows.Count == 0)
        {
            return (entries, problems);
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var col = (string name) => header.IndexOf(name);
        if (col("file") < 0)
        {
            problems.Add(new ManifestProblem(1, null, "manifest header has no 'file' column"));
            return (entries, problems);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Error is not null)
            {
                problems.Add(new ManifestProblem(row.Line, null, row.Error));
                continue;
            }

            if (row.Fields.Count != header.Count)
            {
                problems.Add(new ManifestProblem(row.Line, null, $"expected {header.Count} fields, found {row.Fields.Count}"));
                continue;
            }

            if (Entry(row, header, families, seen, problems) is { } entry)
            {
                seen[entry.File] = row.Line;
                entries.Add(entry);
            }
        }

        return (entries, problems);
    }

    /// <summary>The entry of one manifest row, or null with the row's problem recorded.</summary>
    private static ManifestEntry? Entry(Csv.Record row, List<string> header, IReadOnlyCollection<string> families, Dictionary<string, int> seen, List<ManifestProblem> problems)
    {
        string? Get(string name) => header.IndexOf(name) is >= 0 and var i && !string.IsNullOrWhiteSpace(row.Fields[i]) ? row.Fields[i].Trim() : null;
        var file = Get("file");
        if (file is null)
        {
            problems.Add(new ManifestProblem(row.Line, null, "empty file name"));
            return null;
        }

        if (PathProblem(file) is { } pathProblem)
        {
            problems.Add(new ManifestProblem(row.Line, file, pathProblem));
            return null;
        }

        var family = Get("family");
        if (family is not null && !families.Contains(family) && family is not (DocumentFamilies.BudgetPriorities or DocumentFamilies.PlanProgress))
        {
            // One bad field must not cost the row's municipality, year and title: the family is detected instead.
            problems.Add(new ManifestProblem(row.Line, file, $"unknown family '{family}' (known: {string.Join(", ", families)}); detected from the text instead", IsWarning: true));
            family = null;
        }

        int? year = null;
        if (Get("fiscal_year") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1900 or > 2100)
            {
                problems.Add(new ManifestProblem(row.Line, file, $"fiscal_year '{y}' is not a Gregorian year such as 2020"));
                return null;
            }

            year = parsed;
        }

        if (seen.TryGetValue(file, out var firstLine))
        {
            problems.Add(new ManifestProblem(row.Line, file, $"duplicate entry (first at line {firstLine})"));
            return null;
        }

        return new ManifestEntry(row.Line, file, family, Get("municipality"), year, Get("title"));
    }

    /// <summary>Why a manifest path is unacceptable (outside the documents folder), or null.</summary>
    public static string? PathProblem(string file)
    {
        if (Path.IsPathRooted(file) || file.StartsWith('~'))
        {
            return "absolute paths are not allowed; give the path relative to the documents folder";
        }

        var parts = file.Replace('\\', '/').Split('/');
        if (parts.Any(p => p == ".."))
        {
            return "path leaves the documents folder ('..')";
        }

        return null;
    }
}
