using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// The status words are data: the scanner reads the words of the file in force, a word the user adds is found
/// in runs and table headers alike, and a grade takes the class of the word its printed legend gives.
/// </summary>
public class PlanStatusWordsTests
{
    private const string Header = "word,status_class,status_rank,schemes,note\n";

    private static ParsedDocument Parse(string body, StatusWords? words = null) =>
        new PlanProgressParser().Parse(SourceText.FromString("t.txt", "ひかり市改革プランの取組状況\n1 進捗状況\n" + body), words ?? StatusWords.Default);

    private static StatusWords Words(string rows)
    {
        var (words, problems) = StatusWords.Read(new StringReader(Header + rows));
        Assert.Empty(problems);
        return words;
    }

    private static string Counts(PlanAchievementEntry e) =>
        string.Join(" ", e.Statuses.Select(s => $"{s.StatusRaw}={s.ItemCount}:{s.StatusScale}"));

    [Fact]
    public void AWordTheUserAddsIsScannedInARun()
    {
        // The shipped file does not know the word: it still loads, as class other.
        Assert.Equal("完了=5:achieved 棚上げ=2:other", Counts(Assert.Single(Parse("完了 5 棚上げ 2").Achievements)));

        var custom = Words("完了,achieved,2,completion,\n棚上げ,delayed,6,completion,\n");
        var e = Assert.Single(Parse("完了 5 棚上げ 2", custom).Achievements);
        Assert.Equal("完了=5:achieved 棚上げ=2:delayed", Counts(e));
    }

    [Fact]
    public void AWordTheUserAddsIsAStatusColumnOfATable()
    {
        var custom = Words("完了,achieved,2,completion,\n棚上げ,delayed,6,completion,\n");
        var e = Assert.Single(Parse("基本方針\t完了\t棚上げ\n1 組織の見直し\t7\t3", custom).Achievements);
        Assert.Equal("完了=7:achieved 棚上げ=3:delayed", Counts(e));
        Assert.Equal((10, 7), (e.ItemsPlanned, e.ItemsAchieved));
    }

    [Fact]
    public void TheFileDecidesTheClassOfAShippedWord()
    {
        var custom = Words("完了,achieved,2,completion,\n取組中,delayed,5,completion,\n");
        var e = Assert.Single(Parse("完了 5 取組中 2", custom).Achievements);
        Assert.Equal("完了=5:achieved 取組中=2:delayed", Counts(e));
    }

    [Fact]
    public void PendingWordsAreTaggedInTheFile()
    {
        var custom = Words("完了,achieved,2,completion,\n保留,other,8,pending,\n");
        var e = Assert.Single(Parse("基本方針\t完了\t保留\n1 組織の見直し\t7\t3", custom).Achievements);
        Assert.Equal(3, e.ItemsPending);
    }

    [Fact]
    public void ALegendGivesTheGradesOfARunTheirMeaning()
    {
        var e = Assert.Single(Parse("評価 S=目標を上回って達成、A=目標を達成、B=一部達成、X=評価対象外\nS 2 A 30 B 5 X 1").Achievements);
        Assert.Equal("S=2:achieved A=30:achieved B=5:on_track X=1:other", Counts(e));
        Assert.Equal(["目標を上回って達成", "目標を達成", "一部達成", "評価対象外"], e.Statuses.Select(s => s.Meaning));
        Assert.Equal(32, e.ItemsAchieved);
    }

    [Fact]
    public void EightGradesWithoutALegendKeepTheirLettersAndUnknownOnesAreOther()
    {
        var e = Assert.Single(Parse("F 1 S 2 A 30 B 5 C 3 X 1 Y 0 Z 2").Achievements);
        Assert.Equal(8, e.Statuses.Count);
        Assert.Equal(44, e.ItemsPlanned);
        Assert.Equal(["other", "achieved", "achieved", "on_track", "delayed", "other", "other", "other"],
            e.Statuses.OrderBy(s => "FSABCXYZ".IndexOf(s.StatusRaw, StringComparison.Ordinal)).Select(s => s.StatusScale));
    }

    [Fact]
    public void ShippedFileKnowsEverySchemeOfTheVariants()
    {
        var words = StatusWords.Default;
        foreach (var (word, cls) in new[]
        {
            ("完了", "achieved"), ("取組中", "on_track"), ("未着手", "not_started"), ("達成", "achieved"), ("一部達成", "on_track"), ("未達成", "delayed"),
            ("A前進", "on_track"), ("B現状維持", "delayed"), ("C後退", "delayed"), ("D未着手", "not_started"),
            ("S計画以上", "achieved"), ("A計画どおり", "on_track"), ("Bやや遅れている", "delayed"), ("Cほとんど進んでいない", "delayed"),
            ("順調", "on_track"), ("やや遅れ", "delayed"), ("大幅遅れ", "delayed"),
            ("目標を上回って達成", "achieved"), ("目標をおおむね達成", "on_track"), ("時期の遅れはあるが目標を達成見込み", "delayed"), ("目標を未達成", "delayed"),
            ("部分実施", "on_track"), ("検討中", "not_started"), ("実施", "achieved"), ("未実施", "not_started"),
            ("計画達成", "achieved"), ("計画事項なし", "other"), ("継続協議", "on_track"),
        })
        {
            Assert.Equal((word, cls), (word, words.Classify(word)?.Class));
        }
    }
}
