using System.Text.RegularExpressions;

namespace BudgetWarehouse.Tests.PowerBi;

/// <summary>The parts of a TMDL folder the tests check, read line by line (independent of the writer).</summary>
internal sealed partial class Tmdl
{
    public sealed class Table
    {
        public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Measures { get; } = new(StringComparer.Ordinal);

        public string Folder { get; set; } = "";

        public string Query { get; set; } = "";
    }

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);

    public List<(string From, string FromColumn, string To, string ToColumn)> Relationships { get; } = [];

    public static Tmdl Read(string definitionFolder)
    {
        var model = new Tmdl();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(definitionFolder, "tables"), "*.tmdl"))
        {
            var lines = File.ReadAllLines(file);
            var table = new Table();
            var name = Unquote(lines.Single(l => l.StartsWith("table ", StringComparison.Ordinal))[6..]);
            model.Tables.Add(name, table);
            string? column = null;
            foreach (var line in lines)
            {
                if (line.StartsWith("\tcolumn ", StringComparison.Ordinal))
                {
                    column = Unquote(line[8..]);
                }
                else if (line.StartsWith("\t\tdataType: ", StringComparison.Ordinal) && column is not null)
                {
                    table.Columns[column] = line[12..];
                }
                else if (Measure().Match(line) is { Success: true } m)
                {
                    table.Measures[Unquote(m.Groups[1].Value)] = m.Groups[2].Value;
                }
                else if (Folder().Match(line) is { Success: true } f)
                {
                    table.Folder = f.Groups[1].Value;
                }
            }

            table.Query = string.Join("\n", lines.SkipWhile(l => !l.StartsWith("\tpartition ", StringComparison.Ordinal)));
        }

        string? from = null;
        foreach (var line in File.ReadAllLines(Path.Combine(definitionFolder, "relationships.tmdl")))
        {
            if (line.StartsWith("\tfromColumn: ", StringComparison.Ordinal))
            {
                from = line[13..];
            }
            else if (line.StartsWith("\ttoColumn: ", StringComparison.Ordinal) && from is not null)
            {
                var (f, t) = (from.Split('.'), line[11..].Split('.'));
                model.Relationships.Add((f[0], f[1], t[0], t[1]));
            }
        }

        return model;
    }

    private static string Unquote(string name) => name.StartsWith('\'') ? name[1..^1].Replace("''", "'", StringComparison.Ordinal) : name;

    [GeneratedRegex(@"^\tmeasure ('(?:[^']|'')+'|\w+) = (.+)$")]
    private static partial Regex Measure();

    [GeneratedRegex(@"Folder\.Files\(LakeFolder & ""([^""]+)""\)")]
    private static partial Regex Folder();
}
