using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Functions;

/// <summary>The 款 of one initiative and how it was found.</summary>
internal sealed record FunctionAssignment(string FunctionId, string Method, string Evidence);

/// <summary>
/// Assigns a budget function (the 款 of 目的別歳出) to every initiative of a document, and copies it to the
/// initiative's measures:
/// 1. explicit — the document prints the 款: a cell of the item's row, or a caption above the item
///    (see <see cref="FunctionCaptions"/>);
/// 2. rule — function_rules.csv on the item's text (and description), its policy path, or its policy node's theme:
///    the highest priority wins, then the longest matched words, then the rule listed first;
/// 3. otherwise 'unknown' with the reason. A detail line takes its item's function; a summary line (totals across
///    the budget) gets one only when the document prints it.
/// </summary>
internal static class FunctionAssigner
{
    public const string Explicit = "explicit";
    public const string Rule = "rule";
    public const string None = "none";
    public const string Unknown = "unknown";

    public static void Apply(DocumentRows rows, ReferenceData reference)
    {
        var captions = FunctionCaptions.For(reference.Functions);
        var captioned = reference.Functions.Count == 0 ? [] : captions.Captioned(rows.SourceLines, rows.Policies, rows.Document.FileName);
        var policies = rows.Policies.ToDictionary(p => p.PolicyId, StringComparer.Ordinal);
        var byName = reference.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var assigned = new Dictionary<string, FunctionAssignment>(StringComparer.Ordinal);
        var pathWords = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Initiatives.Count; i++)
        {
            var row = rows.Initiatives[i];
            var result = Assign(row, captions, captioned, policies, reference, byName, assigned, pathWords, rows.Document.FileName);
            assigned[row.InitiativeId] = result;
            rows.Initiatives[i] = row with { FunctionId = result.FunctionId, FunctionMethod = result.Method, FunctionEvidence = result.Evidence };
        }

        for (var i = 0; i < rows.Measures.Count; i++)
        {
            if (assigned.TryGetValue(rows.Measures[i].InitiativeId, out var a))
            {
                rows.Measures[i] = rows.Measures[i] with { FunctionId = a.FunctionId, FunctionMethod = a.Method, FunctionEvidence = a.Evidence };
            }
        }
    }

    private static FunctionAssignment Assign(FactInitiativeRow row, FunctionCaptions captions, Dictionary<string, PrintedFunction> captioned, Dictionary<string, DimPolicyRow> policies,
        ReferenceData reference, Dictionary<string, FunctionClass> byName, Dictionary<string, FunctionAssignment> assigned, Dictionary<string, string?[]> pathWords, string file)
    {
        if (reference.Functions.Count > 0 && captions.Cell(row.RawText) is { } cell)
        {
            return new FunctionAssignment(cell.Id, Explicit, $"explicit: 款 column of the row {file}:{row.SourceLineStart} 「{cell.Name}」");
        }

        if (captioned.TryGetValue(row.InitiativeId, out var caption))
        {
            return new FunctionAssignment(caption.Function.Id, Explicit, $"explicit: {caption.How} 「{caption.Printed}」 above the item");
        }

        if (row.ParentInitiativeId is { } parentId && assigned.TryGetValue(parentId, out var parent) && parent.Method != None)
        {
            return parent with { Evidence = $"inherited from its item ({parent.Method}): {parent.Evidence}" };
        }

        if (row.Kind == "summary")
        {
            return new FunctionAssignment(Unknown, None, "a summary line (totals across the budget) names no 款");
        }

        if (reference.FunctionRules.Count == 0)
        {
            return new FunctionAssignment(Unknown, None, "no function rules (reference/function_rules.csv)");
        }

        var policy = row.PolicyId is null ? null : policies.GetValueOrDefault(row.PolicyId);
        var text = string.IsNullOrEmpty(row.Description) ? row.Text : $"{row.Text}\n{row.Description}";
        var path = policy?.Path ?? "";
        if (!pathWords.TryGetValue(path, out var words))
        {
            words = PathWords(path, reference.FunctionRules);
            pathWords[path] = words;
        }

        return ByRules(FunctionTextMatcher.For(reference.FunctionRules).Match(text), words, policy?.Theme, reference.FunctionRules, byName);
    }

    /// <summary>The best rule for a text, a policy path and a theme (tests call it with phrases).</summary>
    internal static FunctionAssignment ByRules(string text, string path, string? theme, IReadOnlyList<FunctionRule> rules, IReadOnlyDictionary<string, FunctionClass> byName) =>
        ByRules(FunctionTextMatcher.For(rules).Match(text), PathWords(path, rules), theme, rules, byName);

    /// <summary>What each path rule matches in a policy path (null where it does not, or the rule is not on the path).</summary>
    internal static string?[] PathWords(string path, IReadOnlyList<FunctionRule> rules)
    {
        var words = new string?[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].MatchOn == FunctionTarget.Path)
            {
                words[i] = RuleMatch.Words(rules[i].Regex, path);
            }
        }

        return words;
    }

    /// <summary>
    /// The best rule: the highest priority, then the longest matched words, then the rule listed first; the runner-up
    /// named in the evidence is the best of the matches for another 款.
    /// </summary>
    private static FunctionAssignment ByRules(string?[] textWords, string?[] pathWords, string? theme, IReadOnlyList<FunctionRule> rules, IReadOnlyDictionary<string, FunctionClass> byName)
    {
        var matched = textWords;
        var best = -1;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            matched[i] = rule.MatchOn switch
            {
                FunctionTarget.Text => textWords[i],
                FunctionTarget.Path => pathWords[i],
                _ => theme == rule.Pattern ? theme : null,
            };
            if (matched[i] is not null && (best < 0 || Outranks(rule, matched[i]!, rules[best], matched[best]!)))
            {
                best = i;
            }
        }

        if (best < 0 || !byName.TryGetValue(rules[best].Function, out var function))
        {
            return new FunctionAssignment(Unknown, None, $"no function rule matched the text, the policy path or the theme ({theme ?? "no theme"})");
        }

        var second = -1;
        for (var i = 0; i < rules.Count; i++)
        {
            if (matched[i] is not null && rules[i].Function != rules[best].Function && (second < 0 || Outranks(rules[i], matched[i]!, rules[second], matched[second]!)))
            {
                second = i;
            }
        }

        var top = rules[best];
        var target = top.MatchOn.ToString().ToLowerInvariant();
        // The rule's id, not its pattern: patterns are long word lists, repeated on every row (function_rules.csv has them).
        var also = second < 0 ? "" : $"; outranked: rule {rules[second].Id} ({rules[second].Function}, priority {rules[second].Priority}) 「{matched[second]}」";
        return new FunctionAssignment(function.Id, Rule, $"rule {top.Id} ({function.Name}, priority {top.Priority}) on the {target} matched 「{matched[best]}」{also}");
    }

    /// <summary>Whether a match ranks above one listed earlier: a higher priority, or the same and longer words.</summary>
    private static bool Outranks(FunctionRule rule, string words, FunctionRule than, string thanWords) =>
        rule.Priority > than.Priority || (rule.Priority == than.Priority && words.Length > thanWords.Length);
}
