using BenchmarkDotNet.Attributes;
using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Bench;

/// <summary>
/// Hot paths of the extract stage on a generated budget-priorities document of seed size (about 25 KB):
/// the line classifier and the wrap rules per line, normalisation per line, and the whole parser.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _bytes = [];
    private string[] _rawLines = [];
    private string[] _lines = [];
    private SourceText _source = null!;
    private readonly BudgetPrioritiesParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bw-microbench-" + Environment.ProcessId);
        var expected = CorpusGenerator.Generate(dir, 2, seed: 11);
        var doc = expected.Files.First(f => f.Family == "budget_priorities");
        _bytes = File.ReadAllBytes(Path.Combine(dir, "documents", doc.File));
        Directory.Delete(dir, recursive: true);
        _source = SourceText.FromBytes(doc.File, _bytes);
        _rawLines = [.. _source.Lines.Select(l => l.Raw)];
        _lines = [.. _source.Lines.Select(l => l.Text.Trim())];
    }

    [Benchmark(Description = "BudgetLineClassifier.Classify, every line of the document")]
    public int Classify()
    {
        var headings = 0;
        foreach (var line in _lines)
        {
            if (BudgetLineClassifier.Classify(line).Kind == LineKind.Heading)
            {
                headings++;
            }
        }

        return headings;
    }

    [Benchmark(Description = "WrapRules.Continues, every pair of adjacent lines")]
    public int WrapRulesContinues()
    {
        var n = 0;
        for (var i = 1; i < _lines.Length; i++)
        {
            if (WrapRules.Continues(_lines[i - 1], _lines[i]))
            {
                n++;
            }
        }

        return n;
    }

    [Benchmark(Description = "TextNormalizer.Normalize, every line of the document")]
    public int Normalize()
    {
        var total = 0;
        foreach (var raw in _rawLines)
        {
            total += TextNormalizer.Normalize(raw).Length;
        }

        return total;
    }

    [Benchmark(Description = "SourceText.FromBytes (decode, split, normalise)")]
    public int Decode() => SourceText.FromBytes("doc.txt", _bytes).Lines.Count;

    [Benchmark(Description = "BudgetPrioritiesParser.Parse, whole document")]
    public int Parse() => _parser.Parse(_source).Initiatives.Count;
}
