using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Loader.Transform.Functions;

/// <summary>
/// What each text rule of function_rules.csv matches in an item's text, exactly as the rule's regex would. Most
/// rules are plain word lists (<c>保育|幼稚園|子育て</c>): those are found together in one scan of the text for any of
/// their words, instead of one regex per rule over every text; a rule with any other construct (a lookaround, a
/// group, a class, a quantifier) keeps its regex.
/// </summary>
/// <remarks>
/// A regex alternation returns the leftmost match, and at that position the first alternative listed that matches.
/// The scan gives the same: it walks the positions where some word starts, left to right, and at each position tries
/// the words in rule order and, within a rule, in the order they are listed; a rule keeps the first word it matched.
/// </remarks>
internal sealed class FunctionTextMatcher
{
    private static readonly ConditionalWeakTable<IReadOnlyList<FunctionRule>, FunctionTextMatcher> Built = new();

    /// <summary>Characters with a meaning in a .NET regex (whitespace and # too, to be safe).</summary>
    private static readonly SearchValues<char> RegexSyntax = SearchValues.Create("\\^$.|?*+()[]{}# \t\r\n\f\v");

    private readonly IReadOnlyList<FunctionRule> _rules;
    private readonly int[] _regexRules;
    private readonly int _wordRules;
    private readonly SearchValues<string>? _anyWord;
    private readonly Dictionary<char, (string Word, int Rule)[]> _byFirstChar = [];

    private FunctionTextMatcher(IReadOnlyList<FunctionRule> rules)
    {
        _rules = rules;
        var regexRules = new List<int>();
        var words = new List<(string Word, int Rule)>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].MatchOn != FunctionTarget.Text)
            {
                continue;
            }

            if (WordList(rules[i]) is { } list)
            {
                words.AddRange(list.Select(w => (w, i)));
                _wordRules++;
            }
            else
            {
                regexRules.Add(i);
            }
        }

        _regexRules = [.. regexRules];
        if (words.Count > 0)
        {
            _anyWord = SearchValues.Create([.. words.Select(w => w.Word).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);

            // GroupBy keeps the order of the source: rule order, then the order of the words within the rule.
            foreach (var group in words.GroupBy(w => w.Word[0]))
            {
                _byFirstChar[group.Key] = [.. group];
            }
        }
    }

    /// <summary>The matcher of a rule list, built once per list.</summary>
    public static FunctionTextMatcher For(IReadOnlyList<FunctionRule> rules) => Built.GetValue(rules, r => new FunctionTextMatcher(r));

    /// <summary>The words each text rule matches in the text (null where it does not; path and theme rules are left null).</summary>
    public string?[] Match(string text)
    {
        var matched = new string?[_rules.Count];
        if (text.Length == 0)
        {
            return matched;
        }

        foreach (var i in _regexRules)
        {
            matched[i] = RuleMatch.Words(_rules[i].Regex, text);
        }

        if (_anyWord is null)
        {
            return matched;
        }

        var remaining = _wordRules;
        var span = text.AsSpan();
        var pos = 0;
        while (remaining > 0 && pos < span.Length)
        {
            var next = span[pos..].IndexOfAny(_anyWord);
            if (next < 0)
            {
                break;
            }

            pos += next;
            var rest = span[pos..];
            foreach (var (word, rule) in _byFirstChar[rest[0]])
            {
                if (matched[rule] is null && rest.StartsWith(word, StringComparison.Ordinal))
                {
                    matched[rule] = word;
                    remaining--;
                }
            }

            pos++;
        }

        return matched;
    }

    /// <summary>A rule's words when its pattern is nothing but words separated by <c>|</c>, else null.</summary>
    internal static string[]? WordList(FunctionRule rule)
    {
        // Options that change what a literal matches (case, direction, whitespace) keep the regex.
        if ((rule.Regex.Options & ~(RegexOptions.CultureInvariant | RegexOptions.Compiled)) != 0)
        {
            return null;
        }

        var words = rule.Pattern.Split('|');
        return words.All(w => w.Length > 0 && w.AsSpan().IndexOfAny(RegexSyntax) < 0) ? words : null;
    }
}
