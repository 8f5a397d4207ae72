using System.Text.RegularExpressions;
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
        for (var i = 0; i < rows.Initiatives.Count; i++)
        {
            var row = rows.Initiatives[i];
            var result = Assign(row, captions, captioned, policies, reference, byName, assigned, rows.Document.FileName);
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
        ReferenceData reference, Dictionary<string, FunctionClass> byName, Dictionary<string, FunctionAssignment> assigned, string file)
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
        return ByRules(text, policy?.Path ?? "", policy?.Theme, reference.FunctionRules, byName);
    }

    /// <summary>The best rule for a text, a policy path and a theme (tests call it with phrases).</summary>
    internal static FunctionAssignment ByRules(string text, string path, string? theme, IReadOnlyList<FunctionRule> rules, IReadOnlyDictionary<string, FunctionClass> byName)
    {
        var matches = new List<(FunctionRule Rule, string Words, int Order)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var words = rule.MatchOn switch
            {
                FunctionTarget.Text => Match(rule.Regex, text),
                FunctionTarget.Path => Match(rule.Regex, path),
                _ => theme == rule.Pattern ? theme : null,
            };
            if (words is not null)
            {
                matches.Add((rule, words, i));
            }
        }

        var ranked = matches.OrderByDescending(m => m.Rule.Priority).ThenByDescending(m => m.Words.Length).ThenBy(m => m.Order).ToList();
        var best = ranked.Count == 0 ? null : ranked[0].Rule;
        var bestWords = ranked.Count == 0 ? "" : ranked[0].Words;
        var runnerUp = ranked.Skip(1).Where(m => m.Rule.Function != best!.Function).Select(m => $"rule {m.Rule.Id} 「{m.Words}」 → {m.Rule.Function}").FirstOrDefault() ?? "";

        if (best is null || !byName.TryGetValue(best.Function, out var function))
        {
            return new FunctionAssignment(Unknown, None, $"no function rule matched the text, the policy path or the theme ({theme ?? "no theme"})");
        }

        var target = best.MatchOn.ToString().ToLowerInvariant();
        var also = runnerUp.Length == 0 ? "" : $"; outranked: {runnerUp}";
        return new FunctionAssignment(function.Id, Rule, $"rule {best.Id} [{target} ~ {best.Pattern}, priority {best.Priority}] matched 「{bestWords}」 → {function.Name}{also}");
    }

    private static string? Match(Regex regex, string input)
    {
        if (input.Length == 0)
        {
            return null;
        }

        try
        {
            var m = regex.Match(input);
            return m.Success ? m.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
