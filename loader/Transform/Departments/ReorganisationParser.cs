using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Transform.Departments;

/// <summary>
/// Finds reorganisation sentences in an item's (normalised) text:
/// <list type="bullet">
/// <item><c>AとBを「C」に改編</c> (also 及び/並びに/、 lists and 統合/再編): a merge or rename.</item>
/// <item><c>Xに「Y」を新設</c>, <c>「Y」を設置</c>, <c>「Y」を場所に開設</c>: a creation, under X when X is a unit.</item>
/// <item><c>…本部を設置</c> (also 準備室/対策室 without brackets): a creation.</item>
/// </list>
/// Only names that end like an organisational unit (課 室 部 局 センター 本部 事務所 …) count, so that
/// 「交流スペース」を設置 or 窓口を開設 are not taken for units.
/// </summary>
internal static partial class ReorganisationParser
{
    // Every pattern below needs one of these verbs; most items have none, and the creation patterns, which
    // cannot start from a literal, would otherwise be tried at every position of every item.
    // (A few ordinal searches for two- and three-character words: cheaper on short Japanese items than a
    // SearchValues<string>, whose matcher looks every non-ASCII character up in a dictionary.)
    private static readonly string[] MergeVerbs = ["改編", "統合", "再編"];
    private static readonly string[] CreationVerbs = ["新設", "設置", "開設", "設立"];
    private static readonly string[] UnquotedUnits = ["本部", "準備室", "対策室"];

    private static bool ContainsAnyOf(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<OrgChange> Parse(string text, int line)
    {
        var mayMerge = ContainsAnyOf(text, MergeVerbs);
        var mayCreate = ContainsAnyOf(text, CreationVerbs);
        if (!mayMerge && !mayCreate)
        {
            return [];
        }

        var changes = new List<OrgChange>();
        foreach (Match m in mayMerge ? Merge().Matches(text) : Enumerable.Empty<Match>())
        {
            var target = m.Groups["to"].Value.Trim();
            if (!IsUnitName(target))
            {
                continue;
            }

            var sources = SourcesBefore(text[..m.Index]);
            if (sources.Count == 0)
            {
                continue;
            }

            var start = text.LastIndexOfAny(['。', '、'], Math.Max(0, text.IndexOf(sources[0], StringComparison.Ordinal) - 1)) + 1;
            changes.Add(new OrgChange(OrgChangeKind.Merge, sources, target, null, text[start..(m.Index + m.Length)], line));
        }

        var covered = new List<(int Start, int End)>();
        var creations = new List<Regex>(2);
        if (mayCreate && text.Contains('「', StringComparison.Ordinal))
        {
            creations.Add(QuotedCreation());
        }

        if (mayCreate && ContainsAnyOf(text, UnquotedUnits))
        {
            creations.Add(UnquotedCreation());
        }

        foreach (var regex in creations)
        {
            foreach (Match m in regex.Matches(text))
            {
                var name = m.Groups["name"].Value.Trim();
                if (!IsUnitName(name) || covered.Any(c => m.Index < c.End && c.Start < m.Index + m.Length))
                {
                    continue;
                }

                covered.Add((m.Index, m.Index + m.Length));
                var parent = m.Groups["parent"].Success && IsUnitName(m.Groups["parent"].Value) ? m.Groups["parent"].Value : null;
                changes.Add(new OrgChange(OrgChangeKind.Create, [], name, parent, m.Value, line));
            }
        }

        return changes;
    }

    /// <summary>True when the name ends like an organisational unit.</summary>
    public static bool IsUnitName(string name) => name.Length > 1 && UnitSuffix().IsMatch(name);

    /// <summary>The kind of a unit from its name's ending (longest ending first), or null.</summary>
    public static string? KindOf(string name)
    {
        foreach (var (suffix, kind) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    private static readonly (string Suffix, string Kind)[] Suffixes =
    [
        ("事務局", "事務局"), ("事務所", "事務所"), ("委員会", "委員会"), ("センター", "センター"), ("本部", "本部"),
        ("局", "局"), ("部", "部"), ("課", "課"), ("室", "室"), ("所", "所"), ("館", "館"),
    ];

    /// <summary>The unit names listed just before 「C」に改編, read backwards until a token is not a unit name.</summary>
    private static List<string> SourcesBefore(string prefix)
    {
        var sentence = prefix[(prefix.LastIndexOf('。') + 1)..];
        var tokens = ListSeparator().Split(sentence);
        var sources = new List<string>();
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var token = tokens[i].Trim().Trim('「', '」');
            if (!IsUnitName(token))
            {
                break;
            }

            sources.Insert(0, token);
        }

        return sources;
    }

    [GeneratedRegex(@"を「(?<to>[^」]+)」に(?:改編|統合|再編成|再編)")]
    private static partial Regex Merge();

    [GeneratedRegex(@"(?:(?<parent>[^、。「」\s]+?)に)?「(?<name>[^」]+)」を(?:[^、。「」]+?に)?(?:新設|設置|開設|設立)")]
    private static partial Regex QuotedCreation();

    [GeneratedRegex(@"(?:(?<parent>[^、。「」\s]+?)に)?(?<name>[^、。「」\s]+?(?:本部|準備室|対策室))を(?:新設|設置|開設|設立)")]
    private static partial Regex UnquotedCreation();

    [GeneratedRegex(@"と|及び|並びに|、|,")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"(?:課|室|部|局|センター|本部|事務所|事務局|所|館|委員会)$")]
    private static partial Regex UnitSuffix();
}
