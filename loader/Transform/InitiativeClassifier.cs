using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>Flags and the closing-verb class of an initiative's text.</summary>
internal readonly record struct InitiativeTraits(string? Action, bool IsNewProgram, bool IsRelisted, bool IsFinalSupplementary);

/// <summary>
/// Reads the markers and the closing verb of an item. Works on normalised text (NFKC), where （ ） and
/// ［ ］ are already ( ) and [ ].
/// </summary>
internal static partial class InitiativeClassifier
{
    private static readonly (string Verb, string Class)[] Verbs = BuildVerbs();

    public static InitiativeTraits Classify(string text)
    {
        var relisted = Relisted().IsMatch(text);
        var finalSupplementary = FinalSupplementary().IsMatch(text);
        var action = ClosingVerb(text);
        return new InitiativeTraits(action, action is "創設" or "新設", relisted, finalSupplementary);
    }

    /// <summary>The class of the verb that closes the sentence, ignoring trailing brackets and markers.</summary>
    public static string? ClosingVerb(string text)
    {
        // The trailing brackets and markers can only be there when the text, less its final spaces, ends in a
        // closing bracket; most items end in their verb, and skip the pattern.
        var core = text.AsSpan().TrimEnd();
        if (core.Length > 0 && core[^1] is ')' or '〕' or ']' or '】')
        {
            core = TrailingNoise().Replace(text, "").AsSpan().TrimEnd();
        }

        if (core.EndsWith("など", StringComparison.Ordinal))
        {
            core = core[..^2].TrimEnd();
        }

        if (core.Length == 0 || !VerbsByLastChar.TryGetValue(core[^1], out var verbs))
        {
            return null;
        }

        foreach (var (verb, cls) in verbs)
        {
            if (core.EndsWith(verb, StringComparison.Ordinal))
            {
                return cls;
            }
        }

        return null;
    }

    // The verbs that end in each character, longest first as in Verbs: a text can only end with a verb that ends
    // in its own last character.
    private static readonly Dictionary<char, (string Verb, string Class)[]> VerbsByLastChar =
        Verbs.GroupBy(v => v.Verb[^1]).ToDictionary(g => g.Key, g => g.ToArray());

    // Verb as written at the end of an item → its class (the contract's list: 創設 新設 拡充 着手 実施 開催
    // 策定 検討 推進 整備 支援 完了 …). One pair per line; longer verbs win (拡大実施 before 実施).
    private const string VerbTable = """
        創設 創設
        新設 新設
        設置 設置
        開設 開設
        設立 設置
        立ち上げ 設置
        拡充 拡充
        拡大 拡充
        拡大実施 拡充
        拡大配置 拡充
        増員 拡充
        延長 拡充
        強化 強化
        充実 充実
        着手 着手
        本格化 着手
        開始 開始
        運用を開始 開始
        実施 実施
        モデル実施 実施
        実践 実施
        試行販売 実施
        公演 開催
        展開 実施
        派遣 実施
        配置 実施
        配備 整備
        開催 開催
        共同開催 開催
        策定 策定
        改定 策定
        改訂 策定
        作成 策定
        検討 検討
        調査検討 検討
        調査 検討
        推進 推進
        促進 推進
        勧奨 推進
        発信 推進
        醸成 推進
        向上 推進
        整備 整備
        構築 整備
        改修 整備
        取得 整備
        先行取得 整備
        改善 整備
        建設 整備
        支援 支援
        助成 支援
        完了 完了
        完成 完了
        導入 導入
        改編 改編
        育成 育成
        養成 育成
        確保 確保
        軽減 軽減
        引き下げ 軽減
        追加 拡充
        受入れ 実施
        受け入れ 実施
        交流 実施
        開発 整備
        常設展示 実施
        試験的に実施 実施
        活性化 推進
        定期接種化 導入
        カードサイズ化 導入
        義務化 導入
        公会計化 導入
        """;

    private static (string, string)[] BuildVerbs() =>
    [
        .. VerbTable.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Select(p => (p[0], p[1]))
            .OrderByDescending(t => t.Item1.Length),
    ];

    [GeneratedRegex(@"[〔\[【(]\s*再掲\s*[〕\]】)]")]
    private static partial Regex Relisted();

    // A parenthesised marker that starts with 最終補正: （最終補正）, （最終補正一部前倒し）. Not （うち最終補正で5億円）.
    [GeneratedRegex(@"[(〔【]\s*最終補正[^)〕】]*[)〕】]")]
    private static partial Regex FinalSupplementary();

    [GeneratedRegex(@"(?:\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】))+\s*$")]
    private static partial Regex TrailingNoise();
}
