using BenchmarkDotNet.Attributes;
using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Bench;

/// <summary>
/// The per-document stages of a load, as the bench tool's <c>bench</c> verb times them, on a small generated corpus (half budget
/// priorities, half plan progress, the seeds' reference data): decode, parse, transform, and appending the rows to
/// a fresh in-memory warehouse. One call runs the stage for every document of the corpus on one thread.
/// </summary>
[MemoryDiagnoser]
public class LoadStageBenchmarks
{
    private const int Documents = 40;
    private readonly FamilyDetector _detector = new([new BudgetPrioritiesParser(), new PlanProgressParser()]);
    private readonly List<(string File, ManifestEntry? Manifest, byte[] Bytes)> _files = [];
    private SourceText[] _sources = [];
    private ParsedDocument[] _parsed = [];
    private DocumentRows[] _rows = [];
    private ReferenceData _reference = ReferenceData.Empty;
    private WarehouseWriter? _writer;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bw-stagebench-" + Environment.ProcessId);
        CorpusGenerator.Generate(dir, Documents, seed: 7);
        if (ReferenceLoad.TryRead(SeedsDirectory(), out _reference) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var (manifest, _) = Manifest.Read(Path.Combine(dir, Manifest.FileName), _detector.SupportedFamilies);
        foreach (var entry in manifest)
        {
            _files.Add((entry.File, entry, File.ReadAllBytes(Path.Combine(dir, DocumentInputs.DocumentsFolder, entry.File))));
        }

        Directory.Delete(dir, recursive: true);
        _sources = [.. _files.Select(f => SourceText.FromBytes(f.File, f.Bytes))];
        _parsed = [.. _sources.Select((s, i) => ParserFor(i).Parse(s))];
        _rows = [.. _parsed.Select((p, i) => Transform(i, p))];
    }

    [IterationSetup(Target = nameof(Append))]
    public void OpenWarehouse() =>
        _writer = WarehouseWriter.CreateAsync(":memory:", CancellationToken.None).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(Append))]
    public void CloseWarehouse() => _writer!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "decode: SourceText.FromBytes, every document")]
    public int Decode()
    {
        var lines = 0;
        foreach (var f in _files)
        {
            lines += SourceText.FromBytes(f.File, f.Bytes).Lines.Count;
        }

        return lines;
    }

    [Benchmark(Description = "parse: family parser, every document")]
    public int Parse()
    {
        var initiatives = 0;
        for (var i = 0; i < _sources.Length; i++)
        {
            initiatives += ParserFor(i).Parse(_sources[i]).Initiatives.Count;
        }

        return initiatives;
    }

    [Benchmark(Description = "transform: DocumentTransformer.Transform, every document")]
    public long TransformAll()
    {
        long rows = 0;
        for (var i = 0; i < _parsed.Length; i++)
        {
            rows += Transform(i, _parsed[i]).RowCount;
        }

        return rows;
    }

    [Benchmark(Description = "append: WarehouseWriter.Append, every document, appenders flushed")]
    public long Append()
    {
        long rows = 0;
        foreach (var r in _rows)
        {
            _writer!.Append(r);
            rows += r.RowCount;
        }

        _writer!.EndAppend();
        return rows;
    }

    private IDocumentParser ParserFor(int i) => _detector.ForFamily(_files[i].Manifest!.Family!)!;

    private DocumentRows Transform(int i, ParsedDocument parsed)
    {
        var (file, manifest, bytes) = _files[i];
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var ctx = new DocumentContext
        {
            FileName = file,
            Sha256 = sha,
            DocumentId = Ids.Document(sha),
            ByteCount = bytes.Length,
            LoadedAt = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            Municipality = manifest?.Municipality,
            Title = manifest?.Title,
            ManifestFiscalYear = manifest?.FiscalYear,
            ManifestFamily = manifest?.Family,
            Reference = _reference,
        };
        return DocumentTransformer.Transform(parsed, ctx, _sources[i].Encoding, _sources[i].Lines.Count);
    }

    private static string SeedsDirectory()
    {
        // BenchmarkDotNet runs from a generated project below bench/bin; walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(Path.Combine(seeds, "reference")))
            {
                return seeds;
            }
        }

        throw new DirectoryNotFoundException("seeds/reference not found above " + AppContext.BaseDirectory);
    }
}
