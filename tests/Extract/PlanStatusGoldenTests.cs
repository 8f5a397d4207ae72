using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// Whole plan-progress reports whose counts are stated in prose or in a table flattened onto one line: the
/// status counts, totals, breakdowns, changes and dates, checked against golden files read line by line.
/// </summary>
public class PlanStatusGoldenTests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Documents() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Golden, "plan_status"), "*.txt").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParsesAsInTheGoldenFile(string fileName)
    {
        var input = Path.Combine(TestPaths.Golden, "plan_status", fileName);
        var source = SourceText.FromBytes(fileName, File.ReadAllBytes(input));
        var detected = new FamilyDetector([new BudgetPrioritiesParser(), new PlanProgressParser()]).Detect(source);
        Assert.Equal(DocumentFamilies.PlanProgress, detected?.Family);
        var doc = new PlanProgressParser().Parse(source);
        GoldenJson.AssertMatches(Path.ChangeExtension(input, ".json"), Render(doc));
    }

    /// <summary>The plan, its period, the counts with everything said about them, items and warnings.</summary>
    private static string Render(ParsedDocument doc)
    {
        var root = new JsonObject
        {
            ["title"] = doc.Title,
            ["plan_name"] = doc.PlanName,
            ["plan_period"] = doc.PlanStartFiscalYear is null ? null : $"{doc.PlanStartFiscalYear}-{doc.PlanEndFiscalYear}",
            ["inferred_fiscal_year"] = doc.InferredFiscalYear,
            ["groups"] = new JsonArray([.. doc.Achievements.Select(a => (JsonNode)new JsonObject
            {
                ["row_kind"] = a.RowKind,
                ["policy"] = a.PolicyCode,
                ["fiscal_year"] = a.FiscalYear,
                ["as_of"] = a.AsOfDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["lines"] = a.Span.ToString(),
                ["label"] = a.Label,
                ["planned"] = a.ItemsPlanned,
                ["total_printed"] = a.IsTotalPrinted,
                ["relisted"] = a.ItemsRelisted,
                ["net"] = a.ItemsNet,
                ["achieved"] = a.ItemsAchieved,
                ["stated_rate"] = a.StatedRateText,
                ["statuses"] = new JsonArray([.. a.Statuses.Select(s => (JsonNode)JsonValue.Create(Status(s)))]),
            })]),
            ["items"] = new JsonArray([.. doc.Initiatives.Select(i => (JsonNode)JsonValue.Create($"{i.PolicyCode}: {i.Text} (line {i.Span})"))]),
            ["warnings"] = new JsonArray([.. doc.Warnings.Select(w => (JsonNode)JsonValue.Create(w.ToString()))]),
        };
        return root.ToJsonString(Options) + "\n";
    }

    private static string Status(StatusCount s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.StatusRank}. {s.StatusRaw} = {StatusWords.Default.ClassOf(s.StatusRaw).Class}: {s.ItemCount}{(s.StatedRateText is null ? "" : $" ({s.StatedRateText})")}{(s.Change is { } c ? $" change {c:+0;-0;0}" : "")}{(s.ParentRaw is null ? "" : $" of {s.ParentRaw}")} (line {s.Line})");
}
