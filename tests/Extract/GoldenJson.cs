using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>Readable JSON (Japanese unescaped) of a parsed document, and the compare-or-regenerate step.</summary>
internal static class GoldenJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ParsedDocument doc)
    {
        var root = new JsonObject
        {
            ["family"] = doc.Family,
            ["title"] = doc.Title,
            ["inferred_fiscal_year"] = doc.InferredFiscalYear,
            ["plan_name"] = doc.PlanName,
            ["plan_period"] = doc.PlanStartFiscalYear is null ? null : $"{doc.PlanStartFiscalYear}-{doc.PlanEndFiscalYear}",
            ["plan_principle"] = doc.PlanPrinciple,
            ["policies"] = new JsonArray([.. doc.Policies.Select(p => (JsonNode)new JsonObject
            {
                ["code"] = p.Code,
                ["level"] = p.Level,
                ["line"] = p.Span.ToString(),
                ["marker"] = p.Marker,
                ["title"] = p.Title,
                ["fiscal_year"] = p.FiscalYear,
                ["description"] = p.Description,
            })]),
            ["initiatives"] = new JsonArray([.. doc.Initiatives.Select(i => (JsonNode)new JsonObject
            {
                ["seq"] = i.Seq,
                ["kind"] = i.Kind,
                ["parent"] = i.ParentSeq,
                ["policy"] = i.PolicyCode,
                ["lines"] = i.Span.ToString(),
                ["text"] = i.Text,
                ["fiscal_year"] = i.FiscalYear,
                ["plan_ref"] = i.PlanRef,
                ["numeric_target"] = i.IsNumericTarget ? true : null,
                ["description"] = i.Description,
                ["description_lines"] = i.DescriptionSpan?.ToString(),
            })]),
            ["achievements"] = doc.Achievements.Count == 0 ? null : new JsonArray([.. doc.Achievements.Select(a => (JsonNode)new JsonObject
            {
                ["row_kind"] = a.RowKind,
                ["policy"] = a.PolicyCode,
                ["fiscal_year"] = a.FiscalYear,
                ["lines"] = a.Span.ToString(),
                ["label"] = a.Label,
                ["planned"] = a.ItemsPlanned,
                ["achieved"] = a.ItemsAchieved,
                ["pending"] = a.ItemsPending,
                ["stated_rate"] = a.StatedRateText,
                ["statuses"] = new JsonArray([.. a.Statuses.Select(s => (JsonNode)JsonValue.Create($"{s.StatusRank}. {s.StatusRaw} = {s.StatusScale}: {s.ItemCount} (line {s.Line})"))]),
                ["raw"] = a.RawText,
            })]),
            ["warnings"] = doc.Warnings.Count == 0 ? null : new JsonArray([.. doc.Warnings.Select(w => (JsonNode)JsonValue.Create(w.ToString()))]),
        };
        RemoveNulls(root);
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>
    /// Compares with the golden file; with BW_REGENERATE_GOLDEN=1 rewrites it instead (then read the diff
    /// against the source document before committing).
    /// </summary>
    public static void AssertMatches(string goldenPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("BW_REGENERATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }

        Assert.True(File.Exists(goldenPath), $"golden file missing: {goldenPath} (run with BW_REGENERATE_GOLDEN=1)");
        var expected = File.ReadAllText(goldenPath);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{Path.GetFileName(goldenPath)} differs at line {first + 1}:\n expected: {(first < e.Length ? e[first] : "<eof>")}\n actual:   {(first < a.Length ? a[first] : "<eof>")}");
        }
    }

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var kv in o)
                {
                    RemoveNulls(kv.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }
}
