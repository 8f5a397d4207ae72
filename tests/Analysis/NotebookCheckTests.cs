using System.Diagnostics;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// notebooks/check_notebooks.py (Python standard library only, also run by .ci/run): the notebooks are valid
/// nbformat-4 JSON with outputs stripped, their code compiles, and every SQL file they name exists.
/// </summary>
public sealed class NotebookCheckTests
{
    private static string Script => Path.Combine(TestPaths.RepoRoot, "notebooks", "check_notebooks.py");

    [SkippableFact]
    public async Task RepositoryNotebooksPassTheChecks()
    {
        var (exit, output) = await RunAsync(Script);
        Assert.True(exit == 0, output);
        Assert.Contains("ok   yoy_comparison.ipynb: code cells compile", output, StringComparison.Ordinal);
        Assert.Contains("ok   explore_initiatives.ipynb: SQL files exist", output, StringComparison.Ordinal);
        Assert.Matches(@"notebook checks: \d+ passed, 0 failed", output);
    }

    [SkippableFact]
    public async Task BrokenNotebooksFailWithTheReason()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "sql", "queries"));
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "sql", "queries", "nb_present.sql"), "-- Question: x\nselect 1;\n");
        var notebooks = Directory.CreateDirectory(Path.Combine(dir.Path, "notebooks")).FullName;
        await File.WriteAllTextAsync(Path.Combine(notebooks, "a_outputs.ipynb"), Notebook(
            """{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": 3, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["1\n"]}], "source": ["run_query(\"nb_present.sql\")\n", "%matplotlib inline"]}"""));
        await File.WriteAllTextAsync(Path.Combine(notebooks, "b_syntax.ipynb"), Notebook(
            """{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": null, "outputs": [], "source": ["def broken(:\n", "    run_query('nb_present.sql')"]}"""));
        await File.WriteAllTextAsync(Path.Combine(notebooks, "c_sql.ipynb"), Notebook(
            """{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": null, "outputs": [], "source": ["run_query('nb_missing.sql')\n", "con.execute(\"select 1\")"]}"""));
        await File.WriteAllTextAsync(Path.Combine(notebooks, "d_json.ipynb"), "{\"cells\": [");
        await File.WriteAllTextAsync(Path.Combine(notebooks, "e_v3.ipynb"), """{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}""");

        var (exit, output) = await RunAsync(Script, "--root", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL a_outputs.ipynb: outputs stripped", output, StringComparison.Ordinal);
        Assert.Contains("cell 1: 1 output(s) committed", output, StringComparison.Ordinal);
        Assert.Contains("ok   a_outputs.ipynb: code cells compile", output, StringComparison.Ordinal);
        Assert.Contains("FAIL b_syntax.ipynb: code cells compile", output, StringComparison.Ordinal);
        Assert.Contains("FAIL c_sql.ipynb: SQL files exist", output, StringComparison.Ordinal);
        Assert.Contains("nb_missing.sql not found in sql/queries/", output, StringComparison.Ordinal);
        Assert.Contains("SQL passed inline", output, StringComparison.Ordinal);
        Assert.Contains("FAIL d_json.ipynb: valid JSON", output, StringComparison.Ordinal);
        Assert.Contains("FAIL e_v3.ipynb: nbformat 4", output, StringComparison.Ordinal);
        Assert.Contains("notebook checks: 9 passed, 5 failed", output, StringComparison.Ordinal);
    }

    private static string Notebook(string cell) =>
        $$$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3"}}, "cells": [{{{cell}}}]}""";

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var python = FindPython();
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindPython()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        const string reason = "python3 not found on PATH (.ci/run installs it)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true: " + reason);
        }

        Skip.If(true, reason);
        return "";
    }
}
