using System.Text;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Load.Reference;

/// <summary>
/// One organisation chart per municipality: reference/departments/&lt;key&gt;.csv, with the columns of departments.csv
/// (the municipality column may be left out: the file's key gives it). The key is the municipality's name as the
/// manifest gives it (架空市.csv), or its local-government code and name (999999_架空市.csv); a code alone cannot be
/// matched to the manifest's names and is reported.
/// </summary>
internal static partial class OrgCharts
{
    public const string Folder = "departments";

    /// <summary>The chart files (relative to reference/) with the municipality each describes, in name order.</summary>
    public static IEnumerable<(string FileName, string Municipality)> Files(string referenceDir, List<ReferenceProblem> problems)
    {
        var dir = Path.Combine(referenceDir, Folder);
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var relative = $"{Folder}/{name}";
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new($"{ReferenceReader.Folder}/{relative}", 0, "not a .csv file: an organisation chart is <municipality>.csv or <code>_<municipality>.csv"));
                continue;
            }

            var key = Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormKC).Trim();
            var m = Key().Match(key);
            if (!m.Success)
            {
                problems.Add(new($"{ReferenceReader.Folder}/{relative}", 0,
                    $"cannot tell the municipality from the file name '{key}': name it after the municipality as the manifest gives it (架空市.csv) or code and name (999999_架空市.csv)"));
                continue;
            }

            var municipality = m.Groups["name"].Value;
            if (seen.TryGetValue(municipality, out var first))
            {
                problems.Add(new($"{ReferenceReader.Folder}/{relative}", 0, $"a second chart of {municipality} (the first is {first})"));
                continue;
            }

            seen[municipality] = relative;
            yield return (relative, municipality);
        }
    }

    [GeneratedRegex(@"^(?:\d{5,6}_)?(?<name>(?!\d+$)[^_]+)$")]
    private static partial Regex Key();
}
