using BudgetWarehouse.Loader.Cli;

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

        var previousOut = Console.Out;
        var output = new StringWriter();
        int exitCode;
        Console.SetOut(output);
        try
        {
            exitCode = await BwCommandLine.RunAsync(["load", "--seeds", seeds, "--warehouse", Path.Combine(temp.Path, "warehouse")]);
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.ExitCode = 0;
        }

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("r.txt:4: warning: achievement row '1 組織': printed rate 95.0% disagrees with its counts 18/20 = 90%", text, StringComparison.Ordinal);
        Assert.Contains("fact_plan_achievement", text, StringComparison.Ordinal);
    }
}
