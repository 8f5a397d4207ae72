using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Status counts stated in sentences: 「順調」は5項目(41.7%), 「継続協議」としたものは2件, 47事業を達成,
/// 72項目のうち…, 取組中の58項目のうち49項目は順調 (a breakdown), 完了が4項目増え (a change), 実施率42.9%,
/// うち3項目は再掲 / 実質61件. Patterns are built from the scheme's words, so a word added to the scheme file
/// is found in prose too.
/// </summary>
internal sealed class StatusProse
{
    private const string Counter = @"(?:項目|件|事業|取組|施策)";
    private const string Number = @"(?<n>\d{1,3}(?:,\d{3})+|\d+)";
    private const string Share = @"(?:\s*\(\s*(?<p>\d{1,3}(?:\.\d+)?%)\s*\))?";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly (StatusEventKind Kind, Regex Pattern)[] _patterns;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StatusWords, StatusProse> Built = new();

    /// <summary>Patterns of the shipped scheme, built once.</summary>
    public static StatusProse Default { get; } = new(StatusWords.Default);

    /// <summary>The patterns of a scheme, built once per scheme (a load parses every document with the same one).</summary>
    public static StatusProse For(StatusWords words) =>
        ReferenceEquals(words, StatusWords.Default) ? Default : Built.GetValue(words, w => new StatusProse(w));

    public StatusProse(StatusWords words)
    {
        var w = "(?<w>" + string.Join("|", words.Longest.Select(x => Regex.Escape(x.Word))) + ")";
        _patterns =
        [
            (StatusEventKind.Change, Make($@"{w}」?\s*(?:が|は)\s*(?:前年度?(?:から|比で?)\s*)?{Number}\s*{Counter}\s*(?<dir>増え|増加|増|減り|減少|減)")),
            (StatusEventKind.BreakdownOf, Make($@"{w}」?\s*の\s*{Number}\s*{Counter}\s*(?:のうち|の内訳|の内)")),
            (StatusEventKind.Rate, Make($@"{w}」?\s*(?:の割合|の比率|率)\s*(?:は|が|:)?\s*(?<p>\d{{1,3}}(?:\.\d+)?%)")),
            (StatusEventKind.Relisted, Make($@"{Number}\s*{Counter}\s*(?:は|が)?\s*(?:再掲)")),
            (StatusEventKind.Net, Make($@"実質\s*{Number}\s*{Counter}")),
            (StatusEventKind.Count, Make($@"(?<!\S)[\u2460-\u2473]\s*(?<q>[^\s()\d\u2460-\u2473][^()\u2460-\u2473]{{1,39}}?)\s*\(\s*{Number}\s*{Counter}\s*\)")),
            (StatusEventKind.Count, Make($@"「(?<q>[^」]{{1,40}})」\s*(?:が|は|を|と(?:した|なった|判断した|評価した|された)?(?:もの|取組|項目|事業)?(?:が|は)?)?\s*{Number}\s*{Counter}{Share}")),
            (StatusEventKind.Count, Make($@"{w}」?\s*(?:が|は|:)\s*{Number}\s*{Counter}{Share}")),
            (StatusEventKind.Count, Make($@"{Number}\s*{Counter}{Share}\s*(?:は|が|を|で)\s*「?{w}")),
            (StatusEventKind.Total, Make($@"(?:全|計画の?|対象の?)?\s*{Number}\s*(?:(?:項目|件|事業|施策)\s*(?:のうち|中(?!止)|の内(?!訳))|取組\s*(?:のうち|の内(?!訳)))")),
            (StatusEventKind.Total, Make($@"{Number}\s*{Counter}\s*の(?:取組|事業|項目|施策)を(?:掲げ|位置付け|設定|定め)")),
            (StatusEventKind.Total, Make($@"^(?:計画掲載の取組数?|対象の?取組数?|対象取組数|取組数|項目数|総数|全体)\s*[:|]?\s*{Number}")),
        ];
    }

    /// <summary>The statements in the line, in the order printed; overlapping matches go to the earlier pattern.</summary>
    public List<StatusEvent> Scan(string text)
    {
        if (!HasDigit(text))
        {
            // Every pattern counts something: a line without a digit (\d, any script) states nothing.
            return [];
        }

        var taken = new List<(int Start, int End)>();
        var events = new List<StatusEvent>();
        foreach (var (kind, pattern) in _patterns)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length))
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                events.Add(Event(kind, m));
            }
        }

        return [.. events.OrderBy(e => e.Position)];
    }

    private static StatusEvent Event(StatusEventKind kind, Match m)
    {
        var word = m.Groups["q"].Success ? StatusWords.Compact(m.Groups["q"].Value) : m.Groups["w"].Success ? m.Groups["w"].Value : null;
        int? n = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
        if (kind == StatusEventKind.Change && m.Groups["dir"].Value.StartsWith('減'))
        {
            n = -n;
        }

        return new StatusEvent(kind, word, n, m.Groups["p"].Success ? m.Groups["p"].Value : null, m.Index);
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex Make(string pattern) => new(pattern, RegexOptions.CultureInvariant, Timeout);
}
