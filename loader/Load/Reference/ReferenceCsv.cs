using System.Globalization;
using System.Text;

namespace BudgetWarehouse.Loader.Load.Reference;

/// <summary>A data row of a reference file: its line and its fields by lower-case column name, NFKC-normalised, null when empty.</summary>
internal sealed record ReferenceRow(int Line, Dictionary<string, string?> Fields)
{
    public string? Get(string column) => Fields.GetValueOrDefault(column);
}

/// <summary>Reads a reference CSV file into rows, reporting every problem with the file and line.</summary>
internal static class ReferenceCsv
{
    public static bool Year(ReferenceRow row, string column, string file, List<ReferenceProblem> problems, out int? year)
    {
        year = null;
        if (row.Get(column) is not { } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1900 or > 2100)
        {
            problems.Add(new(file, row.Line, $"bad year '{text}' in {column}: give a Gregorian fiscal year such as 2020, or leave it empty"));
            return false;
        }

        year = parsed;
        return true;
    }

    public static IEnumerable<ReferenceRow> Rows(string dir, string fileName, string[] required, string[] optional, List<ReferenceProblem> problems)
    {
        var path = Path.Combine(dir, fileName);
        if (!File.Exists(path))
        {
            yield break;
        }

        var file = $"{ReferenceReader.Folder}/{fileName}";
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, 0, "not valid UTF-8 (save the file as UTF-8)"));
            yield break;
        }

        foreach (var row in RowsOfText(text, file, required, optional, problems))
        {
            yield return row;
        }
    }

    /// <summary>The rows of CSV text already read; <paramref name="file"/> names it in problems.</summary>
    public static IEnumerable<ReferenceRow> RowsOfText(string text, string file, string[] required, string[] optional, List<ReferenceProblem> problems)
    {
        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            problems.Add(new(file, 1, "empty file: a header row is required"));
            yield break;
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = required.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !required.Contains(h) && !optional.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing column(s) {string.Join(", ", missing)}");
            }

            if (unknown.Count > 0)
            {
                parts.Add($"unknown column(s) {string.Join(", ", unknown)}");
            }

            problems.Add(new(file, records[0].Line, $"bad header: {string.Join("; ", parts)} (expected {string.Join(",", required.Concat(optional))})"));
            yield break;
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Error is not null)
            {
                problems.Add(new(file, record.Line, record.Error));
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                problems.Add(new(file, record.Line, $"expected {header.Count} fields, found {record.Fields.Count}"));
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var value = record.Fields[i].Trim();
                fields[header[i]] = value.Length == 0 ? null : value.Normalize(NormalizationForm.FormKC);
            }

            yield return new ReferenceRow(record.Line, fields);
        }
    }
}
