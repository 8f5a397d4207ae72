using BudgetWarehouse.Loader.Transform.Quantities;

namespace BudgetWarehouse.Tests.Transform.Quantities;

// Small entry points so that each test reads as input → expectation.
internal static class QuantityTestText
{
    public static List<QuantityMention> ScanQuantities(string text, long? unit = null) =>
        QuantityScanner.Scan(MappedText.Create(text), unit);

    public static QuantityMention Single(string text, long? unit = null) => Assert.Single(ScanQuantities(text, unit));

    public static List<DateMention> Dates(string text, int? fiscalYear = null) =>
        DateScanner.Scan(MappedText.Create(text), fiscalYear);

    public static List<MilestoneMention> Milestones(string text, int? fiscalYear = null)
    {
        var mapped = MappedText.Create(text);
        return MilestoneDetector.Detect(mapped, DateScanner.Scan(mapped, fiscalYear));
    }

    public static ExtractedQuantities ExtractLines(params string[] lines) =>
        QuantityExtractor.Extract(lines.Select((l, i) => new QuantitySegment($"s{i}", "g", l, i + 1, 2020)));

    // Seeds split the simple way for tests of the rules alone: a bulleted line opens a group,
    // following unbulleted lines are its details, a heading or narrative closes it.
    public static List<QuantitySegment> SeedSegments(string fileName, int fiscalYear)
    {
        var path = Path.Combine(TestPaths.Seeds, "documents", fileName);
        var result = new List<QuantitySegment>();
        string? group = null;
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var t = raw.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (t.StartsWith("- ", StringComparison.Ordinal))
            {
                group = $"L{number}";
                result.Add(new QuantitySegment(group, group, t[2..], number, fiscalYear));
            }
            else if (IsHeading(t))
            {
                group = null;
            }
            else if (group is not null)
            {
                result.Add(new QuantitySegment($"L{number}", group, t, number, fiscalYear));
            }
        }

        return result;
    }

    private static bool IsHeading(string t) =>
        MappedText.IsCircled(t[0]) || t[0] is '(' or '（' || (char.IsAsciiDigit(t[0]) && t.Length > 1 && t[1] is ' ' or '.');
}
