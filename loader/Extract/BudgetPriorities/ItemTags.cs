namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Tags printed on an item rather than part of its name: a status mark before the name (新 子ども食堂の開設支援,
/// 改 …, 完 …), a bracketed word at either end (【新規】防災アプリの導入, 案内所の移転【総合戦略重点】, &lt;単独&gt;,
/// 〈補正予算〉) and the parenthesised status words of news lists ((新)空き家バンクの運営). 再掲 and 最終補正 stay
/// in the name as the seeds print them; the initiative flags read them there.
/// </summary>
internal static class ItemTags
{
    /// <summary>Words that are tags when bracketed, and which may open an item line without a bullet.</summary>
    public static readonly string[] Words = ["再掲", "新規", "新", "改", "完", "拡充", "補正予算", "最終補正", "一部新規", "継続", "単独"];

    // Words a parenthesis may hold and still be a tag; (令和8年秋開設予定) and (最終補正) are not tags.
    private static readonly string[] ParenWords = ["新", "新規", "拡充", "一部新規", "継続", "単独", "補正予算", "改", "完"];

    // Tags kept in the name (the initiative flags and the seeds' texts rely on them).
    private static readonly string[] KeptInName = ["再掲", "最終補正"];

    // Longest bracketed tag: a plan or project label (【駅前広場の再整備】), not a sentence.
    private const int MaxTagLength = 20;

    /// <summary>The tag of an item with a debt-burden note: (債務負担4億円), (債務負担行為設定済み).</summary>
    public const string DebtBurden = "債務負担";

    /// <summary>A parenthesised debt-burden note: the commitment it states is not the item's budget.</summary>
    public static bool HasDebtNote(string text) =>
        text.Contains("(" + DebtBurden, StringComparison.Ordinal) || text.Contains("（" + DebtBurden, StringComparison.Ordinal);

    /// <summary>
    /// 新 / 改 / 完 alone before the name, with a space: a status mark (not 新設, 改修, 完了, nor a word spaced out by a
    /// PDF: 完 了 11, 新 規 3).
    /// </summary>
    public static bool StartsWithStatusMark(ReadOnlySpan<char> t) =>
        t.Length > 2 && t[0] is '新' or '改' or '完' && t[1] is ' ' or '\u3000' && t[2] is not (' ' or '\u3000')
        && !SpacedWords.Contains(string.Concat(t[..1], t.Slice(2, 1)));

    private static readonly string[] SpacedWords = ["完了", "完成", "新規", "新設", "改善", "改修", "改定", "改正"];

    /// <summary>A line that opens with a known tag word in brackets and goes on with a name: 【新規】防災アプリの導入, (新)空き家バンク.</summary>
    public static bool StartsWithTagWord(ReadOnlySpan<char> t)
    {
        if (StartsWithStatusMark(t))
        {
            return true;
        }

        var length = LeadingTagLength(t, out var word);
        return length > 0 && length < t.Length && Words.Contains(word) && !KeptInName.Contains(word);
    }

    /// <summary>The name without its tags; the tags, as printed without brackets, are added to <paramref name="tags"/>.</summary>
    public static string Split(string text, List<string> tags)
    {
        var t = text.AsSpan().Trim();
        var changed = false;
        while (true)
        {
            if (StartsWithStatusMark(t))
            {
                tags.Add(t[..1].ToString());
                t = t[2..].TrimStart();
                changed = true;
                continue;
            }

            var length = LeadingTagLength(t, out var word);
            if (length == 0 || length == t.Length || !IsTag(t[0], word))
            {
                break;
            }

            tags.Add(word);
            t = t[length..].TrimStart();
            changed = true;
        }

        var trailing = new List<string>();
        while (TrailingTagLength(t, out var word) is var length and > 0 && length < t.Length && IsTag(t[^length], word))
        {
            trailing.Insert(0, word);
            t = t[..^length].TrimEnd();
            changed = true;
        }

        tags.AddRange(trailing);
        return changed ? t.ToString() : text;
    }

    /// <summary>
    /// The legend of the status marks (新は 新たな事業、改は 内容の見直し; 凡例 新:新規事業): a key to the list, not an
    /// item. Two tag words each followed by は, : or =, or one after 凡例.
    /// </summary>
    public static bool IsLegend(string text)
    {
        var keys = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && text[i - 1] is not (' ' or '、' or ',' or '(' or '※' or '・' or ':'))
            {
                continue;
            }

            foreach (var w in Words)
            {
                if (string.CompareOrdinal(text, i, w, 0, w.Length) == 0 && i + w.Length < text.Length && text[i + w.Length] is 'は' or ':' or '=' or '＝' or '…')
                {
                    keys++;
                    break;
                }
            }
        }

        return keys >= 2 || (keys == 1 && text.TrimStart('※', ' ').StartsWith("凡例", StringComparison.Ordinal));
    }

    private static bool IsTag(char open, string word) =>
        !KeptInName.Contains(word) && word.Length > 0 && (open is '(' or '（' ? ParenWords.Contains(word) : !HasDigit(word));

    private static bool HasDigit(string word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // 【…】, <…>, 〈…〉, 《…》, (…) at the start: the length with the brackets, and the word inside.
    private static int LeadingTagLength(ReadOnlySpan<char> t, out string word)
    {
        word = "";
        if (t.IsEmpty || Close(t[0]) is not { } close)
        {
            return 0;
        }

        var end = t[1..].IndexOf(close);
        if (end <= 0 || end > MaxTagLength)
        {
            return 0;
        }

        word = t.Slice(1, end).Trim().ToString();
        return end + 2;
    }

    private static int TrailingTagLength(ReadOnlySpan<char> t, out string word)
    {
        word = "";
        if (t.IsEmpty || Open(t[^1]) is not { } open)
        {
            return 0;
        }

        var start = t[..^1].LastIndexOf(open);
        if (start < 0 || t.Length - 2 - start > MaxTagLength || t.Length - 2 - start <= 0)
        {
            return 0;
        }

        word = t[(start + 1)..^1].Trim().ToString();
        return t.Length - start;
    }

    private static char? Close(char open) => open switch
    {
        '【' => '】',
        '<' => '>',
        '〈' => '〉',
        '《' => '》',
        '(' => ')',
        '（' => '）',
        _ => null,
    };

    private static char? Open(char close) => close switch
    {
        '】' => '【',
        '>' => '<',
        '〉' => '〈',
        '》' => '《',
        ')' => '(',
        '）' => '（',
        _ => null,
    };
}
