using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>A dated schedule phrase: what happens, when, and whether it is still planned.</summary>
/// <param name="Event">Event word (開設, 完成, 供用開始, 開催 …).</param>
/// <param name="Date">When.</param>
/// <param name="IsPlanned">The text says 予定.</param>
/// <param name="Start">First working character of the phrase (the date, or the opening parenthesis).</param>
/// <param name="End">One past the phrase.</param>
/// <param name="RawText">The phrase as printed.</param>
internal sealed record MilestoneMention(string Event, JapaneseDate Date, bool IsPlanned, int Start, int End, string RawText);

/// <summary>
/// Decides which date phrases are milestones. Two shapes count:
/// an annotation in parentheses that starts with a date — with its own event word
/// (令和3年春開設予定, 令和2年7月条例施行) or without one (令和2年10月25日 after 開催, 令和2年4月予定 after 開設),
/// when the event is the verb that closes the text before the parenthesis; and a date followed by
/// 中に / に / から / より that a later event verb completes (令和2年度中に…整備を完了).
/// Not milestones: references to a budget, account or result (令和元年度最終補正予算への前倒し, 令和2年度実績,
/// 令和2年4月1日現在), dates used as names (令和6年能登半島地震), and deadlines (令和5年度まで, 令和3年度までに):
/// a deadline bounds an activity that runs until then rather than dating an event, so it has no
/// start to load.
/// </summary>
internal static class MilestoneDetector
{
    // Longest first. 整備/推進/支援 are deliberately absent: they are processes, not events with a date.
    private static readonly string[] EventWords =
    [
        "供用開始", "分譲開始", "運用開始", "運行開始", "営業開始", "受付開始", "販売開始", "利用開始", "工事開始", "募集開始",
        "全面施行", "一斉更新", "リニューアル", "オープン",
        "開設", "完成", "開催", "施行", "稼働", "開館", "開始", "開業", "開通", "竣工", "完了", "着工", "着手", "策定",
        "移転", "更新", "閉館", "廃止", "開校", "開園", "移行", "公開", "発行", "導入", "設置", "設立", "締結", "改定",
        "実施", "供用", "公演", "完工", "運行", "閉鎖", "統合", "創設", "新設",
    ];

    // Nouns that take を開始 and make a compound event: 供用を開始 → 供用開始.
    private static readonly string[] StartObjects = ["供用", "運用", "分譲", "運行", "運営", "営業", "受付", "販売", "利用", "募集"];

    private static readonly string[] References = ["予算", "最終", "補正", "決算", "当初", "実績", "現在", "時点", "比", "末現在"];

    public static List<MilestoneMention> Detect(MappedText text, IReadOnlyList<DateMention> dates)
    {
        var result = new List<MilestoneMention>();
        var s = text.Text.AsSpan();
        foreach (var d in dates)
        {
            if (d.Date.Qualifier == DateQualifier.Deadline)
            {
                continue;
            }

            var open = OpeningParenthesis(s, d.Start);
            if (open >= 0)
            {
                var close = s[d.End..].IndexOf(')');
                var end = close < 0 ? s.Length : d.End + close + 1;

                // (令和2年4月開設、令和3年4月完成予定): each date owns the words up to the next 、.
                var inner = close < 0 ? s[d.End..] : s.Slice(d.End, close);
                var comma = inner.IndexOfAny('、', ',');
                if (comma >= 0)
                {
                    inner = inner[..comma];
                    end = d.End + comma;
                }

                if (StartsWithAny(inner, References) || ContainsAny(inner, References))
                {
                    continue;
                }

                var planned = inner.Contains("予定", StringComparison.Ordinal) || inner.Contains("見込", StringComparison.Ordinal);
                var evt = FindEvent(inner);
                if (evt is null && IsBare(inner))
                {
                    evt = ClosingVerb(s[..open]);
                }

                if (evt is not null)
                {
                    result.Add(new MilestoneMention(evt, d.Date, planned, open, end, text.RawSlice(open, end)));
                }

                continue;
            }

            var after = s[d.End..];
            if (StartsWithAny(after, References))
            {
                continue;
            }

            // 令和2年度中に…完了, 令和3年度に策定した, 7月より…運用を開始: the event closes the clause.
            // 令和3年4月1日施行: the event word follows the date directly.
            var leadIn = d.Date.Qualifier is DateQualifier.Within or DateQualifier.From ? 0 : after.StartsWith("に") ? 1 : -1;
            var direct = leadIn < 0;
            leadIn = Math.Max(leadIn, 0);
            var clauseEnd = after.IndexOfAny('。', '(');
            var clause = clauseEnd < 0 ? after[leadIn..] : after[leadIn..clauseEnd];
            var (word, wordEnd) = FirstCompletedEvent(clause);
            if (word is null || (direct && wordEnd - word.Length > 4))
            {
                continue;
            }

            var phraseEnd = d.End + leadIn + wordEnd;
            var tail = clause[wordEnd..];
            var plannedHere = tail[..Math.Min(tail.Length, 8)].Contains("予定", StringComparison.Ordinal);
            result.Add(new MilestoneMention(word, d.Date, plannedHere, d.Start, phraseEnd, text.RawSlice(d.Start, phraseEnd)));
        }

        return result;
    }

    // The parenthesis that the date opens, if the date is the first thing inside one.
    private static int OpeningParenthesis(ReadOnlySpan<char> s, int dateStart)
    {
        var i = dateStart - 1;
        while (i >= 0 && s[i] == ' ')
        {
            i--;
        }

        return i >= 0 && s[i] is '(' or '[' or '〔' or '【' ? i : -1;
    }

    // Only 予定, 頃 or nothing after the date: the event is outside the parenthesis.
    private static bool IsBare(ReadOnlySpan<char> inner)
    {
        var t = inner.Trim(' ');
        return t.IsEmpty || t is "予定" or "頃" or "ごろ" or "頃予定" or "めど" or "目途" or "見込み";
    }

    private static string? FindEvent(ReadOnlySpan<char> inner)
    {
        var best = -1;
        string? found = null;
        foreach (var w in EventWords)
        {
            var at = inner.IndexOf(w);
            // The word that ends furthest right is what the annotation says happens (条例施行 → 施行).
            if (at >= 0 && (found is null || at + w.Length > best || (at + w.Length == best && w.Length > found.Length)))
            {
                best = at + w.Length;
                found = w;
            }
        }

        return found;
    }

    /// <summary>The event verb that closes a text: 開催 in …マラソンを開催, 供用開始 in …の供用を開始.</summary>
    public static string? ClosingVerb(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd(' ');
        foreach (var ending in (string[])["します", "する", "した", "しました"])
        {
            if (t.EndsWith(ending))
            {
                t = t[..^ending.Length];
                break;
            }
        }

        foreach (var w in EventWords)
        {
            if (t.EndsWith(w))
            {
                if (w == "開始")
                {
                    var before = t[..^2].TrimEnd('を');
                    foreach (var o in StartObjects)
                    {
                        if (before.EndsWith(o) && t[..^2].EndsWith("を"))
                        {
                            return o + "開始";
                        }
                    }
                }

                return w;
            }
        }

        return null;
    }

    // The first event word that a verb ending completes (完了, 策定した, 開設する): not 整備 in 整備を完了.
    private static (string? Word, int End) FirstCompletedEvent(ReadOnlySpan<char> clause)
    {
        for (var i = 0; i < clause.Length; i++)
        {
            foreach (var w in EventWords)
            {
                if (!clause[i..].StartsWith(w))
                {
                    continue;
                }

                var end = i + w.Length;
                var next = end < clause.Length ? clause[end] : '\0';
                if (next is '\0' or 'し' or 'す' or 'さ' or '、' or '。' or '予' or ' ')
                {
                    if (w == "開始" && i >= 1 && clause[i - 1] == 'を')
                    {
                        var obj = clause[..(i - 1)];
                        foreach (var o in StartObjects)
                        {
                            if (obj.EndsWith(o))
                            {
                                return (o + "開始", end);
                            }
                        }
                    }

                    return (w, end);
                }
            }
        }

        return (null, 0);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        var t = s.TrimStart(' ');
        foreach (var w in words)
        {
            if (t.StartsWith(w))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
