using System.Globalization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Load;

/// <summary>One row of seeds/manifest.csv.</summary>
internal sealed record ManifestEntry(int Line, string File, string? Family, string? Municipality, int? FiscalYear, string? Title);

/// <summary>A manifest row that could not be used, with its line.</summary>
internal sealed record ManifestProblem(int Line, string? File, string Reason);

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

            string? Get(string name) => col(name) is >= 0 and var i && !string.IsNullOrWhiteSpace(row.Fields[i]) ? row.Fields[i].Trim() : null;
            var file = Get("file");
            if (file is null)
            {
                problems.Add(new ManifestProblem(row.Line, null, "empty file name"));
                continue;
            }

            if (PathProblem(file) is { } pathProblem)
            {
                problems.Add(new ManifestProblem(row.Line, file, pathProblem));
                continue;
            }

            var family = Get("family");
            if (family is not null && !families.Contains(family) && family is not (DocumentFamilies.BudgetPriorities or DocumentFamilies.PlanProgress))
            {
                problems.Add(new ManifestProblem(row.Line, file, $"unknown family '{family}' (known: {string.Join(", ", families)})"));
                continue;
            }

            int? year = null;
            if (Get("fiscal_year") is { } y)
            {
                if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1900 or > 2100)
                {
                    problems.Add(new ManifestProblem(row.Line, file, $"fiscal_year '{y}' is not a Gregorian year such as 2020"));
                    continue;
                }

                year = parsed;
            }

            if (seen.TryGetValue(file, out var firstLine))
            {
                problems.Add(new ManifestProblem(row.Line, file, $"duplicate entry (first at line {firstLine})"));
                continue;
            }

            seen[file] = row.Line;
            entries.Add(new ManifestEntry(row.Line, file, family, Get("municipality"), year, Get("title")));
        }

        return (entries, problems);
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

/// <summary>A minimal RFC 4180 reader that keeps the line each record starts on.</summary>
internal static class Csv
{
    internal sealed record Record(int Line, List<string> Fields, string? Error);

    public static List<Record> Parse(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        string? error = null;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case '"':
                    error ??= "stray quote inside an unquoted field";
                    field.Append(c);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new Record(recordLine, fields, error));
                    fields = [];
                    error = null;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            error ??= "unterminated quoted field";
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields, error));
        }

        return records;
    }
}
