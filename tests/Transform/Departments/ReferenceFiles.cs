using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>Small reference folders written for a test, and a load of a seeds folder into a temporary warehouse.</summary>
internal static class ReferenceFiles
{
    public const string DirectoryHeader = "municipality,name,kind,parent,valid_from_fy,valid_to_fy,note";
    public const string RulesHeader = "id,municipality,pattern,department,priority,match_on,note";
    public const string ThemeRulesHeader = "id,pattern,theme,priority,note";

    /// <summary>Writes seeds/reference/{file} for each (file, lines) pair under <paramref name="seeds"/>.</summary>
    public static void Write(string seeds, params (string File, string[] Lines)[] files)
    {
        var dir = Path.Combine(seeds, "reference");
        Directory.CreateDirectory(dir);
        foreach (var (file, lines) in files)
        {
            File.WriteAllText(Path.Combine(dir, file), string.Join("\n", lines) + "\n");
        }
    }

    /// <summary>A copy of the repository's seeds folder (documents, manifest, reference).</summary>
    public static string CopySeeds(string target)
    {
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seeds, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(TestPaths.Seeds, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    /// <summary>A load that knows the budget-priorities family only.</summary>
    public static Task<LoadOutcome> LoadAsync(string seeds, string warehouse) =>
        TestWarehouse.LoadAsync(seeds, warehouse, parsers: [new BudgetPrioritiesParser()]);
}
