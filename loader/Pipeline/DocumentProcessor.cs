using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// Decodes, parses and transforms documents in parallel and hands them over in input order through a bounded
/// channel, so that one writer appends while the others parse and memory holds only a few documents' rows.
/// A bad document becomes a rejected run-log row with its file and line; the others still load.
/// </summary>
internal sealed class DocumentProcessor(FamilyDetector detector, WarehouseOptions options, ILogger logger, LoadMetrics metrics, ReferenceData reference)
{
    private int Parallelism => options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;

    public async IAsyncEnumerable<(DocumentRows? Rows, EtlDocumentRow Etl)> ProcessAsync(List<Work> work, string runId, DateTime loadedAt,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<(int Index, (DocumentRows? Rows, EtlDocumentRow Etl) Result)>(new BoundedChannelOptions(8) { SingleReader = true });
        var producer = Task.Run(() => ProduceAsync(work, runId, loadedAt, channel.Writer, cancellationToken), cancellationToken);
        await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ReadInOrderAsync().ConfigureAwait(false))
        {
            yield return result;
        }

        await producer.ConfigureAwait(false);
    }

    private async Task ProduceAsync(List<Work> work, string runId, DateTime loadedAt,
        ChannelWriter<(int, (DocumentRows?, EtlDocumentRow))> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Parallelism,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(work.Select((w, i) => (w, i)), parallel, async (item, ct) =>
            {
                var (w, i) = item;
                await writer.WriteAsync((i, Process(w.Input, w.Sha, w.Size, w.Error, runId, loadedAt)), ct).ConfigureAwait(false);
                metrics.DocumentDone(w.Size);
            }).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }

    private (DocumentRows?, EtlDocumentRow) Process(DocumentInput input, string? sha, long size, DocumentException? early, string runId, DateTime loadedAt)
    {
        var docId = sha is null ? null : Ids.Document(sha);
        string? family = input.Manifest?.Family;
        try
        {
            if (early is not null)
            {
                throw early;
            }

            var stageStart = LoadMetrics.Start();
            var bytes = File.ReadAllBytes(input.FullPath);
            var source = SourceText.FromBytes(input.FileName, bytes);
            metrics.Add(LoadStage.Decode, ref stageStart);
            var parser = ParserFor(input, source, ref family);
            // The plan family reads status words from the user's scheme file, not only the shipped one.
            var parsed = parser is Extract.PlanProgress.PlanProgressParser plan ? plan.Parse(source, reference.StatusWords) : parser.Parse(source);
            metrics.Add(LoadStage.Parse, ref stageStart);
            var ctx = new DocumentContext
            {
                FileName = input.FileName,
                Sha256 = sha!,
                DocumentId = docId!,
                ByteCount = size,
                LoadedAt = loadedAt,
                Municipality = input.Manifest?.Municipality,
                Title = input.Manifest?.Title,
                ManifestFiscalYear = input.Manifest?.FiscalYear,
                ManifestFamily = input.Manifest?.Family,
                Reference = reference,
            };
            var rows = DocumentTransformer.Transform(parsed, ctx, source.Encoding, source.Lines.Count, source.Lines);
            SourcePages.Fill(rows, source.Lines);
            metrics.Add(LoadStage.Transform, ref stageStart);
            return (rows, new EtlDocumentRow
            {
                RunId = runId,
                FileName = input.FileName,
                DocumentId = docId,
                Sha256 = sha,
                Status = "loaded",
                Family = family,
                Warnings = rows.Warnings.Count == 0 ? null : string.Join("\n", rows.Warnings),
                RowCount = rows.RowCount,
            });
        }
        catch (DocumentException ex)
        {
            return (null, RunLog.Rejected(runId, input.FileName, docId, sha, family, ex));
        }
#pragma warning disable CA1031 // a parser bug on one document must not stop the others; it is logged with its stack and recorded
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ParserFailure(logger, ex, input.FileName);
            return (null, RunLog.Rejected(runId, input.FileName, docId, sha, family, new DocumentException(input.FileName, 0, $"internal error: {ex.Message}")));
        }
    }

    /// <summary>The manifest's family when it names one, else the parser that recognises the text; checks the text's shape first.</summary>
    private IDocumentParser ParserFor(DocumentInput input, SourceText source, ref string? family)
    {
        if (source.Lines.FirstOrDefault(l => l.Raw.Length > options.MaxLineLength) is { Raw: not null } longLine)
        {
            throw new DocumentException(input.FileName, longLine.Number, $"line longer than {options.MaxLineLength} characters");
        }

        if (source.Lines.All(l => l.IsBlank))
        {
            throw new DocumentException(input.FileName, 0, "no text (only blank lines)");
        }

        if (family is not null)
        {
            return detector.ForFamily(family)
                ?? throw new DocumentException(input.FileName, 0, $"family '{family}' not supported yet (supported: {string.Join(", ", detector.SupportedFamilies)})");
        }

        var parser = detector.Detect(source) ?? throw new DocumentException(input.FileName, 0, UnrecognisedReason(source));
        family = parser.Family;
        return parser;
    }

    private static string UnrecognisedReason(SourceText source)
    {
        var firstText = source.Lines.FirstOrDefault(l => !l.IsBlank);
        return $"no recognisable structure: not a budget-priorities or plan-progress document (first text at line {firstText.Number})";
    }
}
