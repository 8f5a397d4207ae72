using System.Globalization;
using System.Text.Json.Nodes;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

// The budget whole-document shapes of VARIANTS.md (1 広報 page, 2 overview table, 3 flattened page), each an
// invented text of the same shape; the golden holds the tree, the amounts with their roles, the milestones
// and the role of every line.
public class BudgetShapeGoldenTests
{
    public static TheoryData<string> Shapes() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Golden, "budget_shapes"), "*.txt").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ShapeParsesAsInItsGoldenFile(string fileName)
    {
        var input = Path.Combine(TestPaths.Golden, "budget_shapes", fileName);
        var doc = new BudgetPrioritiesParser().Parse(SourceText.FromBytes(fileName, File.ReadAllBytes(input)));
        GoldenJson.AssertMatches(Path.ChangeExtension(input, ".json"), Render(doc));
    }

    internal static ExtractedQuantities Quantities(ParsedDocument doc) =>
        QuantityExtractor.Extract(doc.Initiatives.Select(i => new QuantitySegment(
            i.Seq.ToString(CultureInfo.InvariantCulture), (i.ParentSeq ?? i.Seq).ToString(CultureInfo.InvariantCulture),
            i.RawText, i.Span.StartLine, doc.InferredFiscalYear, i.UnitYen, i.Columns)));

    private static string Render(ParsedDocument doc)
    {
        var root = JsonNode.Parse(GoldenJson.Render(doc))!.AsObject();
        var q = Quantities(doc);
        root["measures"] = new JsonArray([.. q.Measures.Select(m => (JsonNode)JsonValue.Create(
            $"seq {m.SegmentKey} line {m.SourceLine}: {m.Role} {m.Mention.Value.ToString(CultureInfo.InvariantCulture)} {m.Mention.Kind}"
            + (m.Mention.IsApproximate ? " approx" : "") + (m.ParentIndex is { } p ? $" of #{p + 1}" : "") + $" «{m.Mention.RawText}»"))]);
        root["milestones"] = new JsonArray([.. q.Milestones.Select(m => (JsonNode)JsonValue.Create(
            $"seq {m.SegmentKey}: {m.Mention.Event} {m.Mention.Date.Start:yyyy-MM-dd}..{m.Mention.Date.End:yyyy-MM-dd} {m.Mention.Date.Precision}" + (m.Mention.IsPlanned ? " planned" : "")))]);
        root["tags"] = new JsonArray([.. doc.Initiatives.Where(i => i.Tags.Count > 0).Select(i => (JsonNode)JsonValue.Create(
            $"seq {i.Seq}: {string.Join("; ", i.Tags)}"))]);
        root["lines"] = new JsonArray([.. doc.SourceLines.Select(l => (JsonNode)JsonValue.Create(
            $"{l.Line} {l.Role}" + (l.PolicyCode is null ? "" : $" policy {l.PolicyCode}") + (l.InitiativeSeq is null ? "" : $" seq {l.InitiativeSeq}")))]);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
