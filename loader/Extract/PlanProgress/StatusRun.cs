using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Status counts printed as a run of word / number cells, whatever the table shape flattened into it:
/// "完了 7 取組中 41 未着手 2", "順調: 5項目 (41.7%)", "S:0、A:3、B:5", "B やや遅れている 4件", "| 完了 | 7件 |",
/// and a whole table on one line with shares and changes ("未着手 1 1.4% ▲3 取組中 58 82.9% ▲1 4 完 了 11 15.7%",
/// where the last change is printed before its label). Letters spaced apart (完 了) are joined first.
/// </summary>
internal static partial class StatusRun
{
    private sealed class Entry(string word, int position, List<Token> before)
    {
        public string Word { get; } = word;
        public int Position { get; } = position;
        public List<Token> Before { get; } = before;
        public int? Count { get; set; }
        public bool HasCounter { get; set; }
        public string? Rate { get; set; }
        public int? Change { get; set; }

        /// <summary>The policy cell printed in the run before this entry (方針2), when the run names one after its first counts.</summary>
        public string? Policy { get; init; }
    }

    private sealed record Token(string Text, int Value, string? Percent, bool Signed, bool HasCounter);

    /// <summary>The counts of the run (with their label and changes), or an empty list when the text is not a status run.</summary>
    /// <param name="text">The line (or cells of several lines joined with spaces).</param>
    /// <param name="words">The status scheme.</param>
    /// <param name="header">The columns the header line above the run names (a change column 増減 / 前年比, a share column 構成比).</param>
    public static List<StatusEvent> Scan(string text, StatusWords words, StatusColumns header)
    {
        var tokens = Tokens(text);
        var entries = new List<Entry>();
        var label = new List<string>();
        var pending = new List<Token>();
        Entry? current = null;
        StatusColumns? columns = null;
        string? policyCell = null;
        int? total = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var number = Number(t);
            if (number is null && entries.Count > 0 && TotalLabel().IsMatch(t) && i + 1 < tokens.Count && Number(tokens[i + 1]) is { Percent: null, Signed: false } sum)
            {
                // The table's total row (計 36件) closes the run.
                total = sum.Value;
                break;
            }

            if (number is null)
            {
                if (WordAt(tokens, i, words) is { } word)
                {
                    i += word.Tokens - 1;
                    current = new Entry(word.Word, i, pending) { Policy = policyCell };
                    pending = [];
                    entries.Add(current);
                }
                else if (CounterOnly().IsMatch(t) && current?.Count is not null)
                {
                    current.HasCounter = true;
                }
                else if (entries.Count > 0 && !TableHeader(label, words) && IsUnknownWord(t, words) && i + 1 < tokens.Count && Number(tokens[i + 1]) is { Percent: null, Signed: false })
                {
                    // A word the scheme file does not know, in the run of words it knows: a status all the same,
                    // loaded as class other and listed by bw status so that the user can classify it.
                    current = new Entry(t, i, pending) { Policy = policyCell };
                    pending = [];
                    entries.Add(current);
                }
                else if (entries.Count == 0)
                {
                    label.Add(t);
                }
                else if (PolicyCell().IsMatch(t))
                {
                    // Runs of several policies on lines read together (方針1 S:1、A:6 方針2 S:0、A:5): the counts after a
                    // policy cell are that policy's.
                    policyCell = t;
                    current = null;
                }
                else
                {
                    current = null;
                }

                continue;
            }

            if (current is not null && current.Count is null && i + 1 < tokens.Count && PagePointer().IsMatch(tokens[i + 1]))
            {
                // 達成① (P3~): a category numbered and pointed to its pages, not a count.
                current = null;
                continue;
            }

            // A header printed in the run itself (区分 件数 増減 完了 12 2 …) names its columns as well as one above it;
            // once a status word is read, the header cells before it are complete.
            if (current is null || !Assign(current, number, columns ??= header.With(StatusColumns.Of(string.Join(" ", label)))))
            {
                pending.Add(number);
            }
        }

        columns ??= header.With(StatusColumns.Of(string.Join(" ", label)));
        return Events(entries, label, total, columns.Change || entries.Any(e => e.Change is not null), tokens.Count);
    }

    /// <summary>The counted entries as events; a number printed before a label is its change when the run has a change column.</summary>
    private static List<StatusEvent> Events(List<Entry> entries, List<string> label, int? total, bool changeColumn, int end)
    {
        var counted = entries.Where(e => e.Count is not null).ToList();
        var letters = counted.Count(e => e.Word.Length == 1);
        if (counted.Count == 0 || (counted.Count == 1 && !counted[0].HasCounter) || (letters > 0 && letters < 2))
        {
            return [];
        }

        // The policy the run is of: the label cells nearest the counts that start with a policy number (方針2).
        var policy = Enumerable.Range(0, label.Count).Select(i => string.Join(" ", label.Skip(i)))
            .FirstOrDefault(l => AchievementTable.PolicyNumber(l) is not null);
        var events = new List<StatusEvent>();
        foreach (var e in counted)
        {
            if (e.Change is null && changeColumn && e.Before.LastOrDefault() is { Percent: null } before)
            {
                e.Change = before.Value;
            }

            events.Add(new StatusEvent(StatusEventKind.Count, e.Word, e.Count, e.Rate, e.Position) { Label = e.Policy ?? policy });
            if (e.Change is { } change)
            {
                events.Add(new StatusEvent(StatusEventKind.Change, e.Word, change, null, e.Position));
            }
        }

        if (total is not null)
        {
            events.Add(new StatusEvent(StatusEventKind.Total, null, total, null, end));
        }

        return events;
    }

    /// <summary>
    /// Puts a number in the entry's next free cell: count, then share, then change. Under a change column an
    /// unsigned number is an increase: it is the change once the share is read, or at once when the table prints no
    /// share column.
    /// </summary>
    private static bool Assign(Entry e, Token n, StatusColumns columns)
    {
        if (n.Percent is not null)
        {
            if (e.Rate is not null || e.Count is null)
            {
                return false;
            }

            e.Rate = n.Percent;
            return true;
        }

        if (!n.Signed && e.Count is null)
        {
            e.Count = n.Value;
            e.HasCounter = n.HasCounter;
            return true;
        }

        if (e.Count is not null && e.Change is null && (n.Signed || (columns.Change && (e.Rate is not null || !columns.Share))))
        {
            e.Change = n.Value;
            return true;
        }

        return false;
    }

    /// <summary>A status word at token i: a scheme word, a grade letter, a letter and its word ("B" "やや遅れている").</summary>
    private static (string Word, int Tokens)? WordAt(List<string> tokens, int i, StatusWords words)
    {
        var t = tokens[i];
        if (t.Length == 1 && t[0] is >= 'A' and <= 'Z')
        {
            if (i + 1 < tokens.Count && words.Exact(t + tokens[i + 1]) is { } combined)
            {
                return (combined.Word, 2);
            }

            return (t, 1);
        }

        return (words.Exact(t) ?? words.Exact(Suffix().Replace(t, ""))) is { } w ? (w.Word, 1) : null;
    }

    /// <summary>Cells before the first status word that name table columns (方針, 項目数): the run is a policy table, whose row labels are no statuses.</summary>
    private static bool TableHeader(List<string> label, StatusWords words) =>
        label.Any(l => AchievementColumns.Classify(l, words).Role is ColumnRole.Label or ColumnRole.Planned);

    /// <summary>A short run of kanji and kana that is no column header (区分, 件数, 構成比): what an unknown status word looks like.</summary>
    private static bool IsUnknownWord(string t, StatusWords words) =>
        t.Length is >= 2 and <= 12 && UnknownWord().IsMatch(t) && !TotalLabel().IsMatch(t)
        && AchievementColumns.Classify(t, words).Role == ColumnRole.Unknown;

    private static Token? Number(string t)
    {
        var m = NumberToken().Match(t);
        if (!m.Success)
        {
            return null;
        }

        var digits = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
        var signed = m.Groups["sign"].Success;
        var negative = m.Groups["sign"].Value is "▲" or "△" or "-" or "−";
        if (m.Groups["unit"].Value == "%")
        {
            return new Token(t, 0, digits + "%", signed, false);
        }

        if (digits.Contains('.', StringComparison.Ordinal) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return new Token(t, negative ? -value : value, null, signed, m.Groups["unit"].Length > 0);
    }

    /// <summary>Cells of the run: separators become spaces, shares lose their brackets, spaced letters are joined.</summary>
    private static List<string> Tokens(string text)
    {
        var t = BracketedShare().Replace(text, " $1 ");
        t = Separators().Replace(t, " ");
        var raw = t.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>(raw.Length);
        var spaced = false;
        foreach (var r in raw)
        {
            if (spaced && IsSpacedLetter(r))
            {
                tokens[^1] += r;
                continue;
            }

            tokens.Add(r.Trim('「', '」'));
            spaced = IsSpacedLetter(r);
        }

        return tokens;
    }

    private static bool IsSpacedLetter(string s) => s.Length == 1 && s[0] > 0x3000 && !char.IsDigit(s[0]);

    [GeneratedRegex(@"^(?<sign>[▲△\-+−])?(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?<unit>%|項目|件|事業|取組|施策)?$")]
    private static partial Regex NumberToken();

    // "着手済みの取組", "完了件数": the status word with the noun of the column.
    [GeneratedRegex(@"(?:の取組|の項目|の事業|件数|項目数|取組数|事業数)$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^\(?[Pp]\.?\d")]
    private static partial Regex PagePointer();

    [GeneratedRegex(@"^(?:基本)?方針\s*\d{1,2}$")]
    private static partial Regex PolicyCell();

    [GeneratedRegex(@"^(?:計|合計|総計|総数|全体)$")]
    private static partial Regex TotalLabel();

    [GeneratedRegex(@"^(?:項目|件|事業|取組|施策)$")]
    private static partial Regex CounterOnly();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ー々]+$")]
    private static partial Regex UnknownWord();

    [GeneratedRegex(@"\(\s*([▲△\-+]?\d{1,3}(?:\.\d+)?\s*%)\s*\)")]
    private static partial Regex BracketedShare();

    // Cell separators; a comma between digits is a thousands separator and stays.
    [GeneratedRegex(@"[|\t、:;/]|,(?!\d{3})")]
    private static partial Regex Separators();
}
