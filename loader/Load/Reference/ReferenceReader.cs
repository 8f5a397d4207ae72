using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Loader.Load.Reference;

/// <summary>A problem in a reference file, with the file (relative to the seeds folder) and line.</summary>
internal sealed record ReferenceProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The reference data cannot be used; the load stops before anything is published.</summary>
internal sealed class ReferenceException(IReadOnlyList<ReferenceProblem> problems)
    : Exception("bad reference data:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<ReferenceProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads and validates seeds/reference/: the organisation directory (departments.csv), the department
/// assignment rules (department_rules.csv), the conformed themes (themes.csv) and the theme rules
/// (theme_rules.csv). Every file is UTF-8 CSV with a header row; a missing file means "no data of that
/// kind". Any problem in any file fails the whole set with file-and-line messages.
/// </summary>
internal static class ReferenceReader
{
    public const string Folder = "reference";
    public const string DirectoryFile = "departments.csv";
    public const string DepartmentRulesFile = "department_rules.csv";
    public const string ThemesFile = "themes.csv";
    public const string ThemeRulesFile = "theme_rules.csv";

    /// <summary>Kinds of unit the directory accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["局", "部", "課", "室", "センター", "本部", "事務局", "事務所", "所", "館", "委員会", "監", "管理者", "病院", "大学", "市場"];

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Reads seedsDir/reference; throws <see cref="ReferenceException"/> listing every problem found.</summary>
    public static ReferenceData Read(string seedsDir)
    {
        var dir = Path.Combine(seedsDir, Folder);
        var problems = new List<ReferenceProblem>();
        var directory = ReadDirectory(dir, problems);
        var rules = ReadDepartmentRules(dir, directory, problems);
        var themes = ReadThemes(dir, problems);
        var themeRules = ReadThemeRules(dir, themes, problems);
        var functions = FunctionReferenceReader.ReadFunctions(dir, problems);
        var functionRules = FunctionReferenceReader.ReadRules(dir, functions, themes, problems);
        if (problems.Count > 0)
        {
            throw new ReferenceException(problems);
        }

        return new ReferenceData { Directory = directory, DepartmentRules = rules, ThemeRules = themeRules, Functions = functions, FunctionRules = functionRules };
    }

    private static List<OrgUnit> ReadDirectory(string dir, List<ReferenceProblem> problems)
    {
        var units = ReadUnits(dir, DirectoryFile, null, problems);
        foreach (var (fileName, municipality) in OrgCharts.Files(dir, problems))
        {
            units.AddRange(ReadUnits(dir, fileName, municipality, problems));
        }

        CheckDirectory(units, problems);
        return units;
    }

    /// <summary>The units of departments.csv (municipality per row), or of one municipality's chart (the file's municipality on every row).</summary>
    private static List<OrgUnit> ReadUnits(string dir, string fileName, string? chartOf, List<ReferenceProblem> problems)
    {
        var file = $"{Folder}/{fileName}";
        var units = new List<OrgUnit>();
        foreach (var row in ReferenceCsv.Rows(dir, fileName, ["name", "kind", "valid_from_fy", "valid_to_fy"], ["municipality", "parent", "note"], problems))
        {
            if (chartOf is not null && row.Get("municipality") is { } stated && stated != chartOf)
            {
                problems.Add(new(file, row.Line, $"municipality '{stated}' in the chart of {chartOf} (leave the column out or empty)"));
                continue;
            }

            var name = row.Get("name");
            var kind = row.Get("kind");
            if (name is null)
            {
                problems.Add(new(file, row.Line, "empty name"));
                continue;
            }

            if (kind is null || !Kinds.Contains(kind))
            {
                problems.Add(new(file, row.Line, $"bad kind '{kind}' for {name} (allowed: {string.Join(" ", Kinds)})"));
                continue;
            }

            if (!ReferenceCsv.Year(row, "valid_from_fy", file, problems, out var from) || !ReferenceCsv.Year(row, "valid_to_fy", file, problems, out var to))
            {
                continue;
            }

            if (from > to)
            {
                problems.Add(new(file, row.Line, $"bad year range for {name}: valid_from_fy {from} is after valid_to_fy {to}"));
                continue;
            }

            var parent = row.Get("parent");
            if (parent == name)
            {
                problems.Add(new(file, row.Line, $"{name} is its own parent"));
                continue;
            }

            units.Add(new OrgUnit
            {
                Municipality = chartOf ?? row.Get("municipality"),
                Name = name,
                Kind = kind,
                Parent = parent,
                ValidFrom = from,
                ValidTo = to,
                Note = row.Get("note"),
                Origin = $"{file}:{row.Line}",
                Line = row.Line,
            });
        }

        return units;
    }

    /// <summary>Rows of one unit must not overlap in time, and a parent must exist in every year of its child.</summary>
    private static void CheckDirectory(List<OrgUnit> units, List<ReferenceProblem> problems)
    {
        foreach (var group in units.GroupBy(u => (u.Municipality, u.Name)))
        {
            var ordered = group.OrderBy(u => u.ValidFrom ?? int.MinValue).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var prev = ordered[i - 1];
                var cur = ordered[i];
                if ((prev.ValidTo ?? int.MaxValue) >= (cur.ValidFrom ?? int.MinValue))
                {
                    problems.Add(new(FileOf(cur), cur.Line, $"overlapping validity for {cur.Name}: {cur.Range} overlaps {prev.Range} ({(FileOf(prev) == FileOf(cur) ? $"line {prev.Line}" : prev.Origin)})"));
                }
            }
        }

        foreach (var unit in units.Where(u => u.Parent is not null))
        {
            var parents = units.Where(p => p.Municipality == unit.Municipality && p.Name == unit.Parent).ToList();
            if (parents.Count == 0)
            {
                problems.Add(new(FileOf(unit), unit.Line, $"unknown parent '{unit.Parent}' of {unit.Name} (no row with that name{(unit.Municipality is null ? "" : $" in {unit.Municipality}")})"));
            }
            else if (!Covers(parents, unit.ValidFrom, unit.ValidTo))
            {
                problems.Add(new(FileOf(unit), unit.Line, $"parent '{unit.Parent}' of {unit.Name} is not valid in every year of {unit.Range} (parent rows: {string.Join(", ", parents.Select(p => p.Range))})"));
            }
        }
    }

    private static string FileOf(OrgUnit unit) => unit.Origin[..unit.Origin.LastIndexOf(':')];

    /// <summary>True when the union of the parent rows covers [from, to].</summary>
    private static bool Covers(List<OrgUnit> parents, int? from, int? to)
    {
        long cursor = from ?? long.MinValue;
        long end = to ?? long.MaxValue;
        foreach (var p in parents.OrderBy(p => p.ValidFrom ?? int.MinValue))
        {
            long pf = p.ValidFrom ?? long.MinValue;
            long pt = p.ValidTo ?? long.MaxValue;
            if (pf > cursor)
            {
                return false;
            }

            if (pt >= cursor)
            {
                if (pt >= end)
                {
                    return true;
                }

                cursor = pt + 1;
            }
        }

        return false;
    }

    private static List<DepartmentRule> ReadDepartmentRules(string dir, List<OrgUnit> directory, List<ReferenceProblem> problems)
    {
        var file = $"{Folder}/{DepartmentRulesFile}";
        var rules = new List<DepartmentRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<(string?, string, RuleTarget), (string Id, int Line)>();
        foreach (var row in ReferenceCsv.Rows(dir, DepartmentRulesFile, ["id", "pattern", "department", "priority", "match_on"], ["municipality", "note"], problems))
        {
            if (!RuleBasics(row, file, ids, problems, out var id, out var pattern, out var regex, out var priority))
            {
                continue;
            }

            var unit = row.Get("department");
            var municipality = row.Get("municipality");
            if (unit is null)
            {
                problems.Add(new(file, row.Line, $"rule {id}: empty department"));
                continue;
            }

            unit = Nfkc(unit);
            if (!directory.Any(u => u.Name == unit && (municipality is null || u.Municipality == municipality)))
            {
                problems.Add(new(file, row.Line, $"rule {id}: unknown department '{unit}' (not in {Folder}/{DirectoryFile}{(municipality is null ? "" : $" for {municipality}")})"));
                continue;
            }

            RuleTarget target;
            switch (row.Get("match_on"))
            {
                case "text":
                    target = RuleTarget.Text;
                    break;
                case "path":
                    target = RuleTarget.Path;
                    break;
                case var other:
                    problems.Add(new(file, row.Line, $"rule {id}: match_on must be text or path, not '{other}'"));
                    continue;
            }

            if (keys.TryGetValue((municipality, pattern, target), out var first))
            {
                problems.Add(new(file, row.Line, $"rule {id}: duplicate rule: pattern '{pattern}' on {row.Get("match_on")} is already rule {first.Id} (line {first.Line})"));
                continue;
            }

            keys[(municipality, pattern, target)] = (id, row.Line);
            rules.Add(new DepartmentRule
            {
                Id = id,
                Municipality = municipality,
                Pattern = pattern,
                Regex = regex,
                Unit = unit,
                Priority = priority,
                MatchOn = target,
                Note = row.Get("note"),
                Line = row.Line,
            });
        }

        return rules;
    }

    private static HashSet<string>? ReadThemes(string dir, List<ReferenceProblem> problems)
    {
        if (!File.Exists(Path.Combine(dir, ThemesFile)))
        {
            return null;
        }

        var file = $"{Folder}/{ThemesFile}";
        var themes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in ReferenceCsv.Rows(dir, ThemesFile, ["theme"], ["description"], problems))
        {
            if (row.Get("theme") is not { } theme)
            {
                problems.Add(new(file, row.Line, "empty theme"));
            }
            else if (!themes.TryAdd(Nfkc(theme), row.Line))
            {
                problems.Add(new(file, row.Line, $"duplicate theme '{theme}' (first at line {themes[Nfkc(theme)]})"));
            }
        }

        return [.. themes.Keys];
    }

    private static List<ThemeRule> ReadThemeRules(string dir, HashSet<string>? themes, List<ReferenceProblem> problems)
    {
        var file = $"{Folder}/{ThemeRulesFile}";
        var rules = new List<ThemeRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = new Dictionary<string, (string Id, int Line)>(StringComparer.Ordinal);
        foreach (var row in ReferenceCsv.Rows(dir, ThemeRulesFile, ["id", "pattern", "theme", "priority"], ["note"], problems))
        {
            if (!RuleBasics(row, file, ids, problems, out var id, out var pattern, out var regex, out var priority))
            {
                continue;
            }

            var theme = row.Get("theme") is { } t ? Nfkc(t) : null;
            if (theme is null || (themes is not null && !themes.Contains(theme)))
            {
                problems.Add(new(file, row.Line, $"rule {id}: unknown theme '{theme}' (not in {Folder}/{ThemesFile})"));
                continue;
            }

            if (patterns.TryGetValue(pattern, out var first))
            {
                problems.Add(new(file, row.Line, $"rule {id}: duplicate rule: pattern '{pattern}' is already rule {first.Id} (line {first.Line})"));
                continue;
            }

            patterns[pattern] = (id, row.Line);
            rules.Add(new ThemeRule { Id = id, Pattern = pattern, Regex = regex, Theme = theme, Priority = priority, Note = row.Get("note"), Line = row.Line });
        }

        return rules;
    }

    internal static bool RuleBasics(ReferenceRow row, string file, Dictionary<string, int> ids, List<ReferenceProblem> problems,
        out string id, out string pattern, out Regex regex, out int priority)
    {
        id = row.Get("id") ?? "";
        pattern = "";
        regex = null!;
        priority = 0;
        if (id.Length == 0)
        {
            problems.Add(new(file, row.Line, "empty rule id"));
            return false;
        }

        if (!ids.TryAdd(id, row.Line))
        {
            problems.Add(new(file, row.Line, $"duplicate rule id '{id}' (first at line {ids[id]})"));
            return false;
        }

        if (row.Get("pattern") is not { } p)
        {
            problems.Add(new(file, row.Line, $"rule {id}: empty pattern"));
            return false;
        }

        pattern = Nfkc(p);
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            problems.Add(new(file, row.Line, $"rule {id}: bad pattern '{pattern}': {ex.Message}"));
            return false;
        }

        if (!int.TryParse(row.Get("priority"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority))
        {
            problems.Add(new(file, row.Line, $"rule {id}: priority '{row.Get("priority")}' is not an integer"));
            return false;
        }

        return true;
    }

    internal static string Nfkc(string s) => s.Normalize(NormalizationForm.FormKC);
}
