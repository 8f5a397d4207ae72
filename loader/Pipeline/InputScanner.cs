using System.Collections.Concurrent;
using System.Security.Cryptography;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>A discovered file with its hash, or the reason it cannot be read.</summary>
internal readonly record struct Work(DocumentInput Input, string? Sha, long Size, DocumentException? Error)
{
    /// <summary>What the previous snapshot's state must match for the document to be carried (see <see cref="LoadState.InputKey"/>).</summary>
    public string Key => LoadState.InputKey(Sha!, Input.FileName, Input.Manifest);
}

/// <summary>What a run found in the seeds folder: the documents with their hashes, and the digest of it all with the code.</summary>
internal sealed record ScannedInputs(IReadOnlyList<DocumentInput> Inputs, IReadOnlyList<ManifestProblem> Problems, List<Work> Work, string Fingerprint, string Digest);

/// <summary>
/// Reads the manifest, discovers the documents and hashes them. Hashes are remembered across runs of the same
/// process by size and modification time, so the service does not read every file again on each rescan.
/// </summary>
internal sealed class InputScanner(FamilyDetector detector, WarehouseOptions options)
{
    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified, string Sha)> _hashes = new(StringComparer.Ordinal);

    public async Task<ScannedInputs> ScanAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ManifestProblem>();
        var manifestPath = Path.Combine(options.SeedsPath, Manifest.FileName);
        var (manifest, manifestProblems) = Manifest.Read(manifestPath, detector.SupportedFamilies);
        problems.AddRange(manifestProblems);
        var inputs = DocumentInputs.Discover(options.SeedsPath, manifest, problems);
        var work = await HashAsync(inputs, cancellationToken).ConfigureAwait(false);
        var fingerprint = LoadState.CodeFingerprint(options.SeedsPath);
        var digest = LoadState.Digest(fingerprint, File.Exists(manifestPath) ? await File.ReadAllBytesAsync(manifestPath, cancellationToken).ConfigureAwait(false) : null,
            work.Select(w => w.Error is null ? $"{w.Input.FileName}\t{w.Key}" : $"{w.Input.FileName}\t!{w.Error.Reason}"));
        return new ScannedInputs(inputs, problems, work, fingerprint, digest);
    }

    private async Task<List<Work>> HashAsync(List<DocumentInput> inputs, CancellationToken cancellationToken)
    {
        var result = new Work[inputs.Count];
        await Parallel.ForAsync(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var input = inputs[i];
            try
            {
                result[i] = await HashOneAsync(input, ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                result[i] = new Work(input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                result[i] = new Work(input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
        }).ConfigureAwait(false);

        // The same content under two names would give two documents one id: keep the first name, reject the rest.
        var firstBySha = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var w = result[i];
            if (w.Sha is null || w.Error is not null)
            {
                continue;
            }

            if (!firstBySha.TryAdd(w.Sha, w.Input.FileName))
            {
                result[i] = w with { Error = new DocumentException(w.Input.FileName, 0, $"same content as {firstBySha[w.Sha]} (duplicate file)") };
            }
        }

        return [.. result];
    }

    private async Task<Work> HashOneAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        var info = new FileInfo(input.FullPath);
        var size = info.Length;
        if (size > options.MaxFileBytes)
        {
            return new Work(input, null, size, new DocumentException(input.FileName, 0, $"file is {size:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit"));
        }

        var modified = info.LastWriteTimeUtc;
        if (_hashes.TryGetValue(input.FullPath, out var cached) && cached.Size == size && cached.Modified == modified)
        {
            return new Work(input, cached.Sha, size, null);
        }

        await using var stream = File.OpenRead(input.FullPath);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));

        // Only files that have been quiet for a while are trusted by size and time: a file written within the
        // timestamp's resolution could change again without either moving.
        if (DateTime.UtcNow - modified > TimeSpan.FromSeconds(2))
        {
            _hashes[input.FullPath] = (size, modified, hash);
        }

        return new Work(input, hash, size, null);
    }
}
