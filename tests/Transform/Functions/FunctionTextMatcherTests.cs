using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Transform.Functions;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Tests.Transform.Functions;

/// <summary>
/// The one-scan word-list search gives, for every text rule, what the rule's own regex matches: the leftmost match,
/// and at that position the first word listed; rules with other regex constructs keep their regex.
/// </summary>
public class FunctionTextMatcherTests
{
    private static FunctionRule Rule(string id, string pattern, FunctionTarget on = FunctionTarget.Text) => new()
    {
        Id = id,
        Pattern = pattern,
        Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled),
        Function = "x",
        Priority = 1,
        MatchOn = on,
        Origin = "test",
    };

    // Word lists with shared first characters, prefixes of one another, overlapping words, and rules with a lookaround,
    // a group, a quantifier or a class (regex), and a path rule (left alone).
    private static readonly FunctionRule[] Rules =
    [
        Rule("A", "あい|あいう|いう"),
        Rule("B", "あいう|あい|え"),
        Rule("C", "うえ|いうえお|お"),
        Rule("D", "か(?!き)|くけ"),
        Rule("E", "(さ|し)す|せ.{0,2}そ"),
        Rule("F", "[たち]つ|ての?と"),
        Rule("G", "なに|ぬ", FunctionTarget.Path),
        Rule("H", "ABC|BCD|C"),
    ];

    public static TheoryData<string> Texts() =>
    [
        "", "あ", "あい", "あいう", "いうえお", "xあいうえおx", "ええあいう", "かき か", "くけかき", "しすせXそ", "せそ", "ちつてと",
        "てのと", "なにぬ", "ABCD", "xBCDABC", "CCC", "あいあいうえ", "おいうえ", "あい\nうえ",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void EveryTextRuleFindsWhatItsRegexFinds(string text)
    {
        var matched = FunctionTextMatcher.For(Rules).Match(text);
        for (var i = 0; i < Rules.Length; i++)
        {
            var m = Rules[i].Regex.Match(text);
            var expected = Rules[i].MatchOn != FunctionTarget.Text || !m.Success ? null : m.Value;
            Assert.True(expected == matched[i], $"rule {Rules[i].Id} on 「{text}」: regex {expected ?? "no match"}, scan {matched[i] ?? "no match"}");
        }
    }

    [Fact]
    public void OnlyPlainWordListsAreScanned()
    {
        Assert.Equal(["あい", "あいう", "いう"], FunctionTextMatcher.WordList(Rules[0])!);
        Assert.Null(FunctionTextMatcher.WordList(Rules[3]));
        Assert.Null(FunctionTextMatcher.WordList(Rules[4]));
        Assert.Null(FunctionTextMatcher.WordList(Rules[5]));
        Assert.Null(FunctionTextMatcher.WordList(Rule("I", "あ||い")));
        Assert.Null(FunctionTextMatcher.WordList(Rule("J", "あ い")));
        Assert.Null(FunctionTextMatcher.WordList(Rules[0] with { Regex = new Regex("あい|あいう|いう", RegexOptions.IgnoreCase) }));
    }
}
