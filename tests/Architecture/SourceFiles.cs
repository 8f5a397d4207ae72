using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BudgetWarehouse.Tests.Architecture;

/// <summary>The C# sources of a project folder (build output excluded), parsed once per test class.</summary>
internal static class SourceFiles
{
    /// <summary>Paths relative to the repository root, with forward slashes, in ordinal order.</summary>
    public static IEnumerable<string> Under(string folder)
    {
        var root = Path.Combine(TestPaths.RepoRoot, folder);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    public static SyntaxTree Parse(string relativePath) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, relativePath)), path: relativePath);

    /// <summary>Fails with every finding on a line of its own (Assert.Empty would cut them short).</summary>
    public static void AssertNone(IEnumerable<string> findings)
    {
        var list = findings.ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{list.Count} found:\n" + string.Join('\n', list));
        }
    }
}
