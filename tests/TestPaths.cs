namespace BudgetWarehouse.Tests;

/// <summary>Locations inside the repository, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string SeedDocument(string prefix) =>
        Directory.EnumerateFiles(Path.Combine(Seeds, "documents"), prefix + "*").Single();

    public static string Golden => Path.Combine(RepoRoot, "tests", "golden");

    public static string Sql => Path.Combine(RepoRoot, "sql");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BudgetWarehouse.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BudgetWarehouse.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bw-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold a file; the OS temp cleaner takes it later.
        }
    }
}
