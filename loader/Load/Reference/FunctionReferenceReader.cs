using System.Globalization;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Loader.Load.Reference;

/// <summary>
/// Reads the budget functions (functions.csv: the 款 of 目的別歳出) and the rules that assign them
/// (function_rules.csv). The 款 are the same for every municipality, so a seeds folder without these files
/// gets the ones shipped with the loader; a folder with them replaces the shipped file of that name.
/// </summary>
internal static class FunctionReferenceReader
{
    public const string FunctionsFile = "functions.csv";
    public const string RulesFile = "function_rules.csv";

    /// <summary>Prefix of the file name in problems and origins when the shipped copy is read.</summary>
    private const string Builtin = "builtin:";

    public static List<FunctionClass> ReadFunctions(string dir, List<ReferenceProblem> problems)
    {
        var (file, rows) = Rows(dir, FunctionsFile, ["code", "name"], ["description"], problems);
        var functions = new List<FunctionClass>();
        var codes = new Dictionary<int, int>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = row.Get("name");
            if (!int.TryParse(row.Get("code"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 1 or > 99)
            {
                problems.Add(new(file, row.Line, $"bad code '{row.Get("code")}' for {name}: give the 款 number, 1 to 99"));
            }
            else if (name is null)
            {
                problems.Add(new(file, row.Line, $"empty name for code {code}"));
            }
            else if (!codes.TryAdd(code, row.Line))
            {
                problems.Add(new(file, row.Line, $"duplicate code {code} (first at line {codes[code]})"));
            }
            else if (!names.TryAdd(name, row.Line))
            {
                problems.Add(new(file, row.Line, $"duplicate name '{name}' (first at line {names[name]})"));
            }
            else
            {
                functions.Add(new FunctionClass { Code = code, Name = name, Description = row.Get("description"), Origin = $"{file}:{row.Line}" });
            }
        }

        return functions;
    }

    public static List<FunctionRule> ReadRules(string dir, List<FunctionClass> functions, HashSet<string>? themes, List<ReferenceProblem> problems)
    {
        var (file, rows) = Rows(dir, RulesFile, ["id", "pattern", "function", "priority", "match_on"], ["note"], problems);
        var rules = new List<FunctionRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<(string, FunctionTarget), (string Id, int Line)>();
        var known = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!ReferenceReader.RuleBasics(row, file, ids, problems, out var id, out var pattern, out var regex, out var priority))
            {
                continue;
            }

            // Every item's text is matched against every text rule: compiled, they match several times faster.
            regex = new Regex(pattern, regex.Options | RegexOptions.Compiled, regex.MatchTimeout);

            var function = row.Get("function");
            if (function is null || !known.Contains(function))
            {
                problems.Add(new(file, row.Line, $"rule {id}: unknown function '{function}' (not in {FunctionsFile}: {string.Join(" ", known)})"));
                continue;
            }

            FunctionTarget target;
            switch (row.Get("match_on"))
            {
                case "text":
                    target = FunctionTarget.Text;
                    break;
                case "path":
                    target = FunctionTarget.Path;
                    break;
                case "theme":
                    target = FunctionTarget.Theme;
                    if (themes is not null && !themes.Contains(pattern) && file.StartsWith(Builtin, StringComparison.Ordinal))
                    {
                        // A shipped rule on a theme the folder's own themes.csv does not have: not the user's mistake.
                        continue;
                    }

                    if (themes is not null && !themes.Contains(pattern))
                    {
                        problems.Add(new(file, row.Line, $"rule {id}: unknown theme '{pattern}' (a theme rule's pattern is a theme of {ReferenceReader.Folder}/{ReferenceReader.ThemesFile})"));
                        continue;
                    }

                    break;
                case var other:
                    problems.Add(new(file, row.Line, $"rule {id}: match_on must be text, path or theme, not '{other}'"));
                    continue;
            }

            if (keys.TryGetValue((pattern, target), out var first))
            {
                problems.Add(new(file, row.Line, $"rule {id}: duplicate rule: pattern '{pattern}' on {row.Get("match_on")} is already rule {first.Id} (line {first.Line})"));
                continue;
            }

            keys[(pattern, target)] = (id, row.Line);
            rules.Add(new FunctionRule
            {
                Id = id,
                Pattern = pattern,
                Regex = regex,
                Function = function,
                Priority = priority,
                MatchOn = target,
                Note = row.Get("note"),
                Origin = $"{file}:{row.Line}",
            });
        }

        return rules;
    }

    /// <summary>The rows of the folder's file, or of the copy shipped with the loader when the folder has none.</summary>
    private static (string File, List<ReferenceRow> Rows) Rows(string dir, string fileName, string[] required, string[] optional, List<ReferenceProblem> problems)
    {
        if (File.Exists(Path.Combine(dir, fileName)))
        {
            return ($"{ReferenceReader.Folder}/{fileName}", [.. ReferenceCsv.Rows(dir, fileName, required, optional, problems)]);
        }

        var builtin = Builtin + fileName;
        using var stream = typeof(FunctionReferenceReader).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"the loader is built without {fileName}");
        using var reader = new StreamReader(stream);
        return (builtin, [.. ReferenceCsv.RowsOfText(reader.ReadToEnd(), builtin, required, optional, problems)]);
    }
}
