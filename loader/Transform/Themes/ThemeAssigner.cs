using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform.Themes;

/// <summary>
/// Gives every policy node a conformed theme from the theme rules: the node's own title first (highest
/// priority wins; on a tie between themes, the parent's theme if it is among them, else the rule listed
/// first); a node whose title is silent inherits its parent's theme; a pillar no rule matches gets
/// <see cref="ReferenceData.FallbackTheme"/>. The evidence names the rule and the words, or the ancestor.
/// </summary>
internal static class ThemeAssigner
{
    public static void Apply(List<DimPolicyRow> policies, IReadOnlyList<ThemeRule> rules)
    {
        var assigned = new Dictionary<string, (string Theme, string Root)>(StringComparer.Ordinal);
        var firstById = new Dictionary<string, DimPolicyRow>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            var node = policies[i];
            (string Theme, string Root)? parent = node.ParentPolicyId is { } pid && assigned.TryGetValue(pid, out var p) ? p : null;
            var (theme, evidence, root) = Assign(node.Title, rules, parent?.Theme);
            if (theme is null)
            {
                if (parent is { } inherited)
                {
                    var parentNode = firstById[node.ParentPolicyId!];
                    (theme, root) = inherited;
                    evidence = $"title silent; inherited from {parentNode.Code} 「{parentNode.Title}」 ← {root}";
                }
                else
                {
                    theme = ReferenceData.FallbackTheme;
                    root = evidence = "no theme rule matched the title and there is no ancestor to inherit from";
                }
            }

            assigned[node.PolicyId] = (theme, root!);
            firstById.TryAdd(node.PolicyId, node);
            policies[i] = node with { Theme = theme, ThemeEvidence = evidence };
        }
    }

    /// <summary>The theme of one title, or nulls when no rule matches.</summary>
    internal static (string? Theme, string? Evidence, string? Root) Assign(string title, IReadOnlyList<ThemeRule> rules, string? parentTheme)
    {
        var compiled = CompiledFor(rules);
        if (compiled.Results.TryGetValue((title, parentTheme), out var known))
        {
            return known;
        }

        var (result, timedOut) = Evaluate(title, rules, compiled.Regexes, parentTheme);
        if (!timedOut && compiled.Results.Count < MaxRememberedTitles)
        {
            compiled.Results.TryAdd((title, parentTheme), result);
        }

        return result;
    }

    private static ((string? Theme, string? Evidence, string? Root) Result, bool TimedOut) Evaluate(
        string title, IReadOnlyList<ThemeRule> rules, Regex[] regexes, string? parentTheme)
    {
        List<(ThemeRule Rule, string Words)>? matches = null;
        var timedOut = false;
        for (var i = 0; i < regexes.Length; i++)
        {
            try
            {
                var m = regexes[i].Match(title);
                if (m.Success)
                {
                    (matches ??= []).Add((rules[i], m.Value));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut = true;
            }
        }

        if (matches is null)
        {
            return ((null, null, null), timedOut);
        }

        var top = matches.Max(m => m.Rule.Priority);
        var best = matches.Where(m => m.Rule.Priority == top).ToList();
        var themes = best.Select(m => m.Rule.Theme).Distinct(StringComparer.Ordinal).ToList();
        var chosen = themes.Count > 1 && parentTheme is not null && themes.Contains(parentTheme)
            ? best.First(m => m.Rule.Theme == parentTheme)
            : best.OrderBy(m => m.Rule.Line).First();
        var root = string.Create(CultureInfo.InvariantCulture, $"rule {chosen.Rule.Id} [title ~ {chosen.Rule.Pattern}, priority {top}] matched 「{chosen.Words}」");
        var evidence = themes.Count > 1
            ? $"{root}; tie with {string.Join(", ", best.Where(m => m.Rule.Theme != chosen.Rule.Theme).Select(m => $"rule {m.Rule.Id} → {m.Rule.Theme}"))}, resolved {(chosen.Rule.Theme == parentTheme ? "by the parent's theme" : "by file order")}"
            : root;
        return ((chosen.Rule.Theme, evidence, root), timedOut);
    }

    // Every policy title of a load is tried against every theme rule, and the same titles come back year after
    // year: the rules' patterns are compiled once per rule set (same pattern, options and timeout, so the same
    // matches), and the answer for a title (under a parent theme, which only breaks ties) is remembered for the
    // rule set, up to a bound and never after a timeout, which another try might not hit.
    private const int MaxRememberedTitles = 100_000;

    private static readonly ConditionalWeakTable<IReadOnlyList<ThemeRule>, CompiledRules> Compiled = new();

    private static CompiledRules CompiledFor(IReadOnlyList<ThemeRule> rules) => Compiled.GetValue(rules, static rs =>
        new CompiledRules([.. rs.Select(r => new Regex(r.Regex.ToString(), r.Regex.Options | RegexOptions.Compiled, r.Regex.MatchTimeout))]));

    private sealed class CompiledRules(Regex[] regexes)
    {
        public Regex[] Regexes { get; } = regexes;

        /// <summary>(Title, parent's theme) → what <see cref="Assign"/> answers.</summary>
        public ConcurrentDictionary<(string Title, string? ParentTheme), (string? Theme, string? Evidence, string? Root)> Results { get; } = new();
    }
}
