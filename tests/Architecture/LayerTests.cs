using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BudgetWarehouse.Tests.Architecture;

/// <summary>
/// The loader's layers only point down. A file's layer is its top folder under loader/ (its namespace
/// BudgetWarehouse.Loader.&lt;Folder&gt;); it may name types of its own layer and of lower ones, never of a
/// higher one nor of another layer of the same rank. References are read from the syntax: using directives,
/// qualified names (full or relative to BudgetWarehouse.Loader) and doc-comment crefs, which is every way C#
/// can reach a type in another namespace of the loader.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>Lowest first. Files at loader/'s top level (Log.cs) sit with Options; Program.cs with Cli.</summary>
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        // Settings and log messages: plain data and calls every layer may use.
        ["Options"] = 0,

        // Documents in, parsed structures out; knows nothing of rows or warehouses.
        ["Extract"] = 1,

        // Parsed structures to the row records of models/.
        ["Transform"] = 2,

        // Rows into DuckDB and Parquet, snapshots and the SQL scripts.
        ["Load"] = 3,

        // Readers of a published snapshot, side by side: neither needs the other nor the pipeline that wrote it.
        ["Analysis"] = 4,
        ["Report"] = 4,
        ["PowerBi"] = 4,

        // The web dashboard: reads snapshots like the readers above and links to explain's view of a fact.
        ["Dashboard"] = 5,

        // The load run: calls Extract, Transform and Load in order.
        ["Pipeline"] = 5,

        // What each command does, as hosted workers and the container registration.
        ["Verbs"] = 6,

        // Command-line parsing and the entry point.
        ["Cli"] = 7,
    };

    [Fact]
    public void Every_folder_of_the_loader_has_a_layer()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(TestPaths.RepoRoot, "loader"))
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);
        var unranked = folders.Where(f => !Ranks.ContainsKey(f!)).ToList();
        Assert.Empty(unranked);
    }

    [Fact]
    public void No_layer_references_a_higher_one() => SourceFiles.AssertNone(Violations());

    /// <summary>One line per reference that points up or sideways: "file: Layer (rank) references Other (rank) via name".</summary>
    internal static List<string> Violations()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles.Under("loader"))
        {
            var layer = LayerOf(file);
            foreach (var (target, via) in References(file).Distinct())
            {
                if (target != layer && Ranks[target] >= Ranks[layer])
                {
                    found.Add($"{file}: {layer} ({Ranks[layer]}) references {target} ({Ranks[target]}) via {via}");
                }
            }
        }

        return found;
    }

    private static string LayerOf(string file)
    {
        var parts = file.Split('/');
        return parts.Length > 2 ? parts[1] : parts[1] == "Program.cs" ? "Cli" : "Options";
    }

    private static IEnumerable<(string Layer, string Via)> References(string file)
    {
        var root = SourceFiles.Parse(file).GetRoot();

        // A member, parameter or local named like a layer (a list called Verbs) is not the layer's namespace.
        var declared = root.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.Text,
            PropertyDeclarationSyntax p => p.Identifier.Text,
            ParameterSyntax p => p.Identifier.Text,
            MethodDeclarationSyntax m => m.Identifier.Text,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes(descendIntoTrivia: true))
        {
            var name = node switch
            {
                UsingDirectiveSyntax u => u.NamespaceOrType.ToString() + ".",
                QualifiedNameSyntax or MemberAccessExpressionSyntax or QualifiedCrefSyntax when node.Parent is not BaseNamespaceDeclarationSyntax => node.ToString(),
                _ => null,
            };
            if (name is not null && LayerName().Match(Regex.Replace(name, @"\s+", "")) is { Success: true } m && Ranks.ContainsKey(m.Groups["layer"].Value)
                && (m.Groups["full"].Success || !declared.Contains(m.Groups["layer"].Value)))
            {
                yield return (m.Groups["layer"].Value, name.TrimEnd('.'));
            }
        }
    }

    [GeneratedRegex(@"^(?:global::)?(?<full>BudgetWarehouse\.Loader\.)?(?<layer>[A-Z][A-Za-z]+)\.")]
    private static partial Regex LayerName();
}
