using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BudgetWarehouse.Tests.Architecture;

/// <summary>
/// The house's size rules for loader/ and models/: no file over 400 lines unless its first line says why
/// (<c>// Long: reason</c>, for data tables), no method over 80 lines.
/// </summary>
public sealed class SizeTests
{
    private const int MaxFileLines = 400;
    private const int MaxMethodLines = 80;

    /// <summary>Files over the limit that are still to be split; empty: add none without a plan to remove it.</summary>
    private static readonly HashSet<string> KnownLongFiles = new(StringComparer.Ordinal)
    {
    };

    /// <summary>"file: method". Methods still to be split by construct; remove entries as they go, add none.</summary>
    private static readonly HashSet<string> KnownLongMethods = new(StringComparer.Ordinal)
    {
    };

    public static TheoryData<string> Folders => ["loader", "models"];

    [Theory]
    [MemberData(nameof(Folders))]
    public void No_file_is_over_400_lines_unless_marked_long(string folder)
    {
        var tooLong = SourceFiles.Under(folder)
            .Where(f => !KnownLongFiles.Contains(f))
            .Select(f => (File: f, Lines: File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, f))))
            .Where(f => f.Lines.Length > MaxFileLines && !(f.Lines.Length > 0 && f.Lines[0].StartsWith("// Long: ", StringComparison.Ordinal)))
            .Select(f => $"{f.File}: {f.Lines.Length} lines");
        SourceFiles.AssertNone(tooLong);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void No_method_is_over_80_lines(string folder)
    {
        var tooLong = SourceFiles.Under(folder)
            .SelectMany(f => LongMethods(f).Select(m => (File: f, m.Name, m.Lines)))
            .Where(m => !KnownLongMethods.Contains($"{m.File}: {m.Name}"))
            .Select(m => $"{m.File}: {m.Name} ({m.Lines} lines)");
        SourceFiles.AssertNone(tooLong);
    }

    /// <summary>Methods, constructors, accessors and local functions, measured from their first line to their closing brace.</summary>
    private static IEnumerable<(string Name, int Lines)> LongMethods(string file)
    {
        var tree = SourceFiles.Parse(file);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var name = node switch
            {
                MethodDeclarationSyntax m => m.Identifier.Text,
                ConstructorDeclarationSyntax c => c.Identifier.Text,
                LocalFunctionStatementSyntax l => l.Identifier.Text,
                AccessorDeclarationSyntax a when a.Parent?.Parent is PropertyDeclarationSyntax p => $"{p.Identifier.Text}.{a.Keyword.Text}",
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            var span = tree.GetLineSpan(node.Span);
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > MaxMethodLines)
            {
                yield return (name, lines);
            }
        }
    }
}
