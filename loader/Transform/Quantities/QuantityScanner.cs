namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// Finds money, percentages and counts in NFKC text. A number is a quantity only when a unit follows
/// it (円 after any multipliers, %, a counter word) or, in a document with a stated unit, when it
/// stands alone in a cell. Everything else with digits in it is left alone on purpose: ordinals
/// (第6回, 第5次), era and calendar dates (令和2年, 2024年度), names (○○21世紀美術館, プラン2020, 5G),
/// ages (0歳児), anniversaries (50周年), stages (4期区間), rates (1人1台) and plan references (P27, No.1).
/// Durations (24時間, 1年間, 2日間) and distances (1.5km) are not measures in warehouse v1: they
/// describe how a programme runs rather than what it achieves or costs, and no reader has asked
/// for them; they need their own unit column before they can be loaded without being mistaken
/// for counts.
/// </summary>
internal static class QuantityScanner
{
    // Longest first, so that 施設 wins over a shorter prefix and か所 over か.
    private static readonly string[] Counters =
    [
        "クラブ", "チーム", "市町村", "自治体", "か所", "カ所", "ヶ所", "ケ所", "ヵ所", "箇所", "か国", "カ国", "ヶ国",
        "施設", "項目", "団体", "世帯", "店舗", "地区", "事業", "区画", "種類", "品目", "路線", "企業", "校区", "市町",
        "件", "名", "人", "社", "校", "台", "回", "戸", "棟", "店", "園", "館", "本", "基", "組", "便", "枚", "冊", "頭", "匹", "床", "室",
    ];

    private static readonly string[] ApproximatePrefixes = ["およそ", "おおむね", "概ね", "約", "ほぼ"];

    private static readonly string[] ApproximateSuffixes = ["あまり", "程度", "前後", "余", "強", "弱"];

    private static readonly string[] Bounds = ["未満", "以下", "以内", "以上", "を超え", "を下回", "超"];

    // Words after a count that turn it into a rate base or an ordinal (1人当たり, 3回目, 1本化).
    private static readonly string[] CountBreakers = ["当たり", "あたり", "につき", "目", "化"];

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>Scans <paramref name="text"/>; <paramref name="statedUnitYen"/> scales bare cell numbers (1000 for 単位 千円).</summary>
    public static List<QuantityMention> Scan(MappedText text, long? statedUnitYen = null)
    {
        var result = new List<QuantityMention>();
        var s = text.Text.AsSpan();
        var i = 0;
        var skipNext = false;
        while (i < s.Length)
        {
            var rel = s[i..].IndexOfAnyInRange('0', '9');
            if (rel < 0)
            {
                break;
            }

            var start = i + rel;
            if (!NumberReader.TryReadChain(s, start, out var value, out var chainEnd, out var hasMultiplier))
            {
                // Too many digits or too large a chain: when 円 follows it is still an amount, kept with the reason.
                if (!skipNext && !IsEmbedded(s, start) && UnreadableAmount.TryRead(text, s, start) is { } unreadable)
                {
                    result.Add(unreadable);
                    i = unreadable.End;
                    continue;
                }

                i = start + 1;
                continue;
            }

            // A rate such as 1人1台 consumed its second half already.
            if (skipNext)
            {
                skipNext = false;
                i = Math.Max(chainEnd, start + 1);
                continue;
            }

            if (IsEmbedded(s, start))
            {
                i = SkipPast(s, chainEnd);
                continue;
            }

            var mention = Classify(text, s, start, value, chainEnd, hasMultiplier, statedUnitYen, out var end, out skipNext);
            if (mention is not null)
            {
                result.Add(mention);
            }

            i = Math.Max(end, start + 1);
        }

        return result;
    }

    // Digits that continue an identifier, follow an era or 第, or sit in a code like R6-7 or No.1.
    private static bool IsEmbedded(ReadOnlySpan<char> s, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var prev = s[start - 1];
        if (IsAsciiLetter(prev) || IsDigit(prev) || prev is '_' or '/' or '#')
        {
            return true;
        }

        if (prev is '.' or '-' && start >= 2 && (IsAsciiLetter(s[start - 2]) || IsDigit(s[start - 2])))
        {
            return true;
        }

        var before = s[..start].TrimEnd(' ');
        if (before.EndsWith("第") || before.EndsWith("令和") || before.EndsWith("平成") || before.EndsWith("昭和") || before.EndsWith("西暦"))
        {
            return true;
        }

        return false;
    }

    private static int SkipPast(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (IsDigit(s[i]) || IsAsciiLetter(s[i]) || s[i] is '.' or '-'))
        {
            i++;
        }

        return i;
    }

    private static QuantityMention? Classify(
        MappedText text, ReadOnlySpan<char> s, int numberStart, decimal value, int chainEnd, bool hasMultiplier,
        long? statedUnitYen, out int end, out bool skipNext)
    {
        if (!TryReadUnit(s, numberStart, value, chainEnd, hasMultiplier, statedUnitYen, out var unit, out end, out skipNext))
        {
            return null;
        }

        var (kind, counter, amount, i) = (unit.Kind, unit.Counter, unit.Amount, unit.End);
        var approximate = unit.Approximate;
        var (start, negative) = ReadPrefix(s, numberStart, ref approximate);
        var bound = ReadSuffix(s, ref i, ref approximate);
        if (negative)
        {
            amount = -amount;
            value = -value;
        }

        end = i;
        long? yen = null;
        if (kind == QuantityKind.Money)
        {
            var rounded = decimal.Round(amount, MidpointRounding.AwayFromZero);
            if (rounded is > long.MaxValue or < long.MinValue)
            {
                return new QuantityMention(kind, (double)amount, null, counter, approximate, bound, start, numberStart, end, text.RawSlice(start, end),
                    UnreadableAmount.TooLargeReason);
            }

            yen = (long)rounded;
        }

        var number = kind == QuantityKind.Money ? (double)(yen ?? 0) : (double)value;
        return new QuantityMention(kind, number, yen, counter, approximate, bound, start, numberStart, end, text.RawSlice(start, end));
    }

    /// <summary>What the unit after a number makes of it: its kind, counter, amount in the unit's terms and where the unit ends.</summary>
    private readonly record struct UnitReading(QuantityKind Kind, string? Counter, decimal Amount, bool Approximate, int End);

    /// <summary>
    /// Reads the unit after the number (円, %, パーセント, a counter, or a bare cell under a stated unit). False when
    /// the number is not a quantity; <paramref name="end"/> and <paramref name="skipNext"/> then say how far to skip.
    /// </summary>
    private static bool TryReadUnit(
        ReadOnlySpan<char> s, int numberStart, decimal value, int chainEnd, bool hasMultiplier, long? statedUnitYen,
        out UnitReading unit, out int end, out bool skipNext)
    {
        unit = default;
        end = chainEnd;
        skipNext = false;
        var i = chainEnd;
        if (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        QuantityKind kind;
        string? counter = null;
        var approximate = false;
        var amount = value;

        // 10億余円: the hedge sits between the multiplier and 円.
        if (hasMultiplier && s[i..].StartsWith("余円"))
        {
            approximate = true;
            i++;
        }

        if (i < s.Length && s[i] == '円')
        {
            kind = QuantityKind.Money;
            i++;
        }
        else if (hasMultiplier && s[(chainEnd - 1)..].StartsWith("億あまり"))
        {
            // 1260億あまり: a hedged sum of money that drops 円.
            kind = QuantityKind.Money;
        }
        else if (i < s.Length && s[i] == '%' && !hasMultiplier)
        {
            kind = QuantityKind.Percent;
            i++;
        }
        else if (s[i..].StartsWith("パーセント") && !hasMultiplier)
        {
            kind = QuantityKind.Percent;
            i += 5;
        }
        else if (MatchAny(s, i, Counters) is { } c)
        {
            var after = i + c.Length;
            if (MatchAny(s, after, CountBreakers) is not null)
            {
                end = after;
                return false;
            }

            if (after < s.Length && IsDigit(s[after]))
            {
                // 1人1台: a ratio, neither half is a count.
                skipNext = true;
                end = after;
                return false;
            }

            kind = QuantityKind.Count;
            counter = c;
            i = after;
        }
        else if (statedUnitYen is { } yenPerUnit && !hasMultiplier && value < 1_000_000_000_000m && IsStandaloneCell(s, numberStart, chainEnd))
        {
            kind = QuantityKind.Money;
            amount = value * yenPerUnit;
            i = chainEnd;
        }
        else
        {
            return false;
        }

        unit = new UnitReading(kind, counter, amount, approximate, i);
        return true;
    }

    /// <summary>Reads what stands before the number: an approximation word (約, およそ) and a sign (▲, △, −, -, マイナス).</summary>
    internal static (int Start, bool Negative) ReadPrefix(ReadOnlySpan<char> s, int numberStart, ref bool approximate)
    {
        var start = numberStart;
        var k = SkipSpacesBack(s, numberStart);
        foreach (var p in ApproximatePrefixes)
        {
            if (s[..k].EndsWith(p))
            {
                approximate = true;
                start = k - p.Length;
                k = SkipSpacesBack(s, start);
                break;
            }
        }

        // A hyphen after a Latin letter or digit joins a code (A-7億円); after Japanese text (予算を-500万円) it is a sign.
        if (k > 0 && (s[k - 1] is '△' or '▲' or '−' || (s[k - 1] == '-' && (k == 1 || !(IsAsciiLetter(s[k - 2]) || IsDigit(s[k - 2]))))))
        {
            return (k - 1, true);
        }

        return s[..k].EndsWith("マイナス") ? (k - 4, true) : (start, false);
    }

    /// <summary>Reads what follows the unit: an approximation word (余, あまり) and a bound (以上, 未満 …), moving <paramref name="i"/> past them.</summary>
    private static string? ReadSuffix(ReadOnlySpan<char> s, ref int i, ref bool approximate)
    {
        foreach (var sfx in ApproximateSuffixes)
        {
            if (s[i..].StartsWith(sfx))
            {
                approximate = true;
                i += sfx.Length;
                break;
            }
        }

        foreach (var b in Bounds)
        {
            if (s[i..].StartsWith(b))
            {
                i += b.Length;
                return b.TrimStart('を');
            }
        }

        return null;
    }

    // A number alone in a table cell or between spaces, not a list marker opening the line.
    private static bool IsStandaloneCell(ReadOnlySpan<char> s, int start, int end)
    {
        if (start > 0 && s[start - 1] is '△' or '▲' or '−' or '-')
        {
            start--;
        }

        var leftOk = start == 0 || s[start - 1] is ' ' or '\t' or '(' or '|' or '\n';
        var rightOk = end == s.Length || s[end] is ' ' or '\t' or ')' or '|' or '、' or '。' or '\n';
        if (!leftOk || !rightOk)
        {
            return false;
        }

        var lineStart = s[..start].Trim(" \t").IsEmpty || s[start - 1] == '\n';
        var textFollows = end < s.Length && s[end] == ' ' && end + 1 < s.Length && !IsDigit(s[end + 1]) && s[end + 1] is not '\t' and not ' ';
        return !(lineStart && textFollows);
    }

    private static int SkipSpacesBack(ReadOnlySpan<char> s, int i)
    {
        while (i > 0 && s[i - 1] == ' ')
        {
            i--;
        }

        return i;
    }

    private static string? MatchAny(ReadOnlySpan<char> s, int i, string[] words)
    {
        if (i >= s.Length)
        {
            return null;
        }

        var rest = s[i..];
        foreach (var w in words)
        {
            if (rest.StartsWith(w))
            {
                return w;
            }
        }

        return null;
    }
}
