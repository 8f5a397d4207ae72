using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Bench.Generate;

/// <summary>One generated document and what it contains.</summary>
internal sealed record GeneratedDocument
{
    public required string File { get; init; }

    public required string Family { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string Municipality { get; init; }

    public required int FiscalYear { get; init; }

    public required string Encoding { get; init; }

    public required long Bytes { get; init; }

    public required string Variants { get; init; }

    public required GeneratedCounts Counts { get; init; }
}

/// <summary>Totals of one family in a generated corpus.</summary>
internal sealed record FamilyTotals
{
    public int Documents { get; init; }

    public long Bytes { get; init; }

    public int[] PoliciesByLevel { get; init; } = [];

    public int Items { get; init; }

    public int Details { get; init; }

    public int AchievementRows { get; init; }

    public int Paragraphs { get; init; }
}

/// <summary>DIR/expected.json: what the generator wrote, for a load to be checked against.</summary>
internal sealed record CorpusExpectation
{
    public required int Seed { get; init; }

    public required int Documents { get; init; }

    public required long Bytes { get; init; }

    public required Dictionary<string, FamilyTotals> Families { get; init; }

    public required Dictionary<string, int> Encodings { get; init; }

    public required List<GeneratedDocument> Files { get; init; }
}

/// <summary>
/// Generates a deterministic synthetic corpus in the seeds layout (documents/*.txt, manifest.csv) plus
/// expected.json. Document i belongs to municipality i / 10, fiscal year 2020 + (i / 2) % 5, and alternates
/// between budget priorities (~20–30 KB) and plan progress (~8 KB), so 17,410 documents cover 1,741
/// municipalities over five years with both families. Each document draws its own style (full-/half-width,
/// pillar markers, bullets, ◇ levels, wrapped lines, page numbers, flattened text, CP932/UTF-8 BOM, CRLF)
/// from a random generator seeded by (seed, index): the same seed gives the same bytes on every run.
/// </summary>
internal static class CorpusGenerator
{
    public const string ExpectedFile = "expected.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static CorpusExpectation Generate(string outDir, int documents, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        var docsDir = Path.Combine(outDir, "documents");
        Directory.CreateDirectory(docsDir);
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = System.Text.Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        var generated = new GeneratedDocument[documents];
        Parallel.For(0, documents, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (doc, bytes) = One(i, seed, cp932);
            File.WriteAllBytes(Path.Combine(docsDir, doc.File), bytes);
            generated[i] = doc;
        });

        var manifest = new StringBuilder("file,family,municipality,fiscal_year,title,municipality_code\n");
        foreach (var d in generated)
        {
            manifest.Append(ManifestRow(d));
        }

        File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString(), new UTF8Encoding(false));

        var expectation = new CorpusExpectation
        {
            Seed = seed,
            Documents = documents,
            Bytes = generated.Sum(d => d.Bytes),
            Families = generated.GroupBy(d => d.Family).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new FamilyTotals
            {
                Documents = g.Count(),
                Bytes = g.Sum(d => d.Bytes),
                PoliciesByLevel = [.. Enumerable.Range(0, g.Max(d => d.Counts.PoliciesByLevel.Length)).Select(l => g.Sum(d => d.Counts.PoliciesByLevel.ElementAtOrDefault(l)))],
                Items = g.Sum(d => d.Counts.Items),
                Details = g.Sum(d => d.Counts.Details),
                AchievementRows = g.Sum(d => d.Counts.AchievementRows),
                Paragraphs = g.Sum(d => d.Counts.Paragraphs),
            }),
            Encodings = generated.GroupBy(d => d.Encoding).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Files = [.. generated],
        };
        File.WriteAllText(Path.Combine(outDir, ExpectedFile), JsonSerializer.Serialize(expectation, Json) + "\n", new UTF8Encoding(false));
        return expectation;
    }

    /// <summary>
    /// The document a corpus of <paramref name="index"/> documents would have generated next, with its manifest row:
    /// what the bench adds to a loaded corpus to time a new document.
    /// </summary>
    public static (GeneratedDocument Doc, byte[] Bytes, string ManifestRow) NextDocument(int index, int seed)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = System.Text.Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var (doc, bytes) = One(index, seed, cp932);
        return (doc, bytes, ManifestRow(doc));
    }

    private static string ManifestRow(GeneratedDocument d)
    {
        var title = d.Family == DocumentFamilies.BudgetPriorities
            ? BudgetPrioritiesWriter.Title(d.FiscalYear)
            : PlanProgressWriter.Title(new Municipality(d.MunicipalityCode, d.Municipality, ""));
        return string.Create(CultureInfo.InvariantCulture, $"{d.File},{d.Family},{d.Municipality},{d.FiscalYear},{title},{d.MunicipalityCode}\n");
    }

    public static CorpusExpectation? ReadExpectation(string dir)
    {
        var path = Path.Combine(dir, ExpectedFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<CorpusExpectation>(File.ReadAllText(path), Json) : null;
    }

    private static (GeneratedDocument Doc, byte[] Bytes) One(int index, int seed, System.Text.Encoding cp932)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        var municipality = Municipalities.At(index / 10);
        var fiscalYear = 2020 + ((index / 2) % 5);
        var budget = index % 2 == 0;
        var style = Style(rng, budget);
        var (text, counts) = budget
            ? new BudgetPrioritiesWriter(rng, style, municipality, fiscalYear).Write(6_000 + rng.Next(4_000))
            : new PlanProgressWriter(rng, style, municipality, fiscalYear).Write();
        var bytes = style.Encoding switch
        {
            "cp932" => cp932.GetBytes(text),
            "utf-8-bom" => [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(text)],
            _ => System.Text.Encoding.UTF8.GetBytes(text),
        };
        var family = budget ? DocumentFamilies.BudgetPriorities : DocumentFamilies.PlanProgress;
        var file = $"{municipality.Code}_{fiscalYear}_{(budget ? "bp" : "pp")}.txt";
        return (new GeneratedDocument
        {
            File = file,
            Family = family,
            MunicipalityCode = municipality.Code,
            Municipality = municipality.Name,
            FiscalYear = fiscalYear,
            Encoding = style.Encoding,
            Bytes = bytes.Length,
            Variants = Describe(style),
            Counts = counts,
        }, bytes);
    }

    private static DocumentStyle Style(Random rng, bool budget)
    {
        var flattened = budget && rng.Chance(0.05);
        var style = new DocumentStyle
        {
            FullWidth = rng.Chance(0.25),
            HalfWidthBrackets = rng.Chance(0.2),
            Pillar = (PillarStyle)rng.Next(7),
            Bullet = budget ? rng.Pick(["- ・", "- ・", "・", "・ ", "●", "• ", "○", "▽"]) : rng.Pick(["- ・ ", "・ "]),
            DiamondSubsections = rng.Chance(0.2),
            MarkedDetails = rng.Chance(0.15),
            WrapWidth = !flattened && rng.Chance(0.3) ? 30 + rng.Next(16) : 0,
            PageNumbers = !flattened && rng.Chance(0.4),
            Flattened = flattened,
            Encoding = rng.Next(20) switch { 0 or 1 => "cp932", 2 => "utf-8-bom", _ => "utf-8" },
            Crlf = rng.Chance(0.1),
            SiteChrome = budget && !flattened && rng.Chance(0.15),
            Overview = budget && !flattened && rng.Chance(0.2),
            Amounts = budget && rng.Chance(0.3),
        };

        // Shift_JIS has no • (U+2022): such a page prints its bullets as ・.
        return style.Encoding == "cp932" && style.Bullet.Contains('•', StringComparison.Ordinal) ? style with { Bullet = "・ " } : style;
    }

    private static string Describe(DocumentStyle s)
    {
        var parts = new List<string> { s.Pillar.ToString().ToLowerInvariant(), "bullet'" + s.Bullet + "'" };
        if (s.FullWidth)
        {
            parts.Add("fullwidth");
        }

        if (s.HalfWidthBrackets)
        {
            parts.Add("halfwidth-brackets");
        }

        if (s.DiamondSubsections)
        {
            parts.Add("diamond");
        }

        if (s.MarkedDetails)
        {
            parts.Add("marked-details");
        }

        if (s.SiteChrome)
        {
            parts.Add("site-chrome");
        }

        if (s.Overview)
        {
            parts.Add("overview");
        }

        if (s.Amounts)
        {
            parts.Add("amounts");
        }

        if (s.WrapWidth > 0)
        {
            parts.Add("wrap" + s.WrapWidth.ToString(CultureInfo.InvariantCulture));
        }

        if (s.PageNumbers)
        {
            parts.Add("pages");
        }

        if (s.Flattened)
        {
            parts.Add("flattened");
        }

        if (s.Crlf)
        {
            parts.Add("crlf");
        }

        return string.Join(' ', parts);
    }
}
