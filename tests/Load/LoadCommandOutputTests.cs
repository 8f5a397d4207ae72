using BudgetWarehouse.Loader.Cli;
using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>Tests that capture the process's standard output run alone.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>What the <c>load</c> verb prints.</summary>
[Collection(nameof(ConsoleCapture))]
public class LoadCommandOutputTests
{
    [Fact]
    public async Task LoadPrintsAchievementInconsistenciesWithFileAndLine()
    {
        using var temp = new TempDir();
        var seeds = Path.Combine(temp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.WriteAllText(Path.Combine(seeds, "documents", "r.txt"), """
            Y市行政経営プランの取組状況
            1. 取組の達成率
            基本方針	項目数(A)	達成(B)	達成率(B/A)
            1 組織	20	18	95.0%
            2 財政	10	8	80.0%
            合計	30	26	86.7%
            2. 令和5年度に実施した取組
            1 組織
            ・ 研修 [P1, No.1]
            """);

        var (exitCode, text) = await LoadAsync(seeds, Path.Combine(temp.Path, "warehouse"));
        Assert.Equal(0, exitCode);
        Assert.Contains("r.txt:4: warning: achievement row '1 組織': printed rate 95.0% disagrees with its counts 18/20 = 90%", text, StringComparison.Ordinal);
        Assert.Contains("fact_plan_achievement", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadKeepsAmountsItCannotStoreAndSaysWhereTheyAre()
    {
        using var temp = new TempDir();
        var seeds = Path.Combine(temp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        var digits = "1" + new string('0', 400);
        File.WriteAllText(Path.Combine(seeds, "documents", "m.txt"), $"""
            令和6年度 予算の重点
            1 財政の健全化
            ・基金に9999999999999億円を積み立て
            ・残高を{digits}円とする
            ・事務費の予算を-500万円減額
            """);

        var warehouse = Path.Combine(temp.Path, "warehouse");
        var (exitCode, text) = await LoadAsync(seeds, warehouse);
        Assert.Equal(0, exitCode);
        Assert.Contains("m.txt:3: warning: 9999999999999億円: amount exceeds the range of amount_yen", text, StringComparison.Ordinal);
        Assert.Contains($"m.txt:4: warning: {digits}円: a number of 401 digits is too long to read as an amount; kept unparsed", text, StringComparison.Ordinal);

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var rows = db.Query<(int Line, long? Yen, string Raw, bool Flagged)>(
            "select source_line, amount_yen, raw_text, parse_error is not null from fact_measure where unit = 'JPY' order by source_line").ToList();
        Assert.Equal([(3, null, "9999999999999億円", true), (4, null, digits + "円", true), (5, -5_000_000L, "-500万円", false)], rows);
    }

    private static async Task<(int ExitCode, string Output)> LoadAsync(string seeds, string warehouse)
    {
        var previousOut = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exitCode = await BwCommandLine.RunAsync(["load", "--seeds", seeds, "--warehouse", warehouse]);
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.ExitCode = 0;
        }
    }
}
