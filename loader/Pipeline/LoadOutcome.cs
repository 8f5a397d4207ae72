using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>What a load did.</summary>
internal sealed record LoadOutcome(
    string RunId,
    string? SnapshotId,
    int Seen,
    int Loaded,
    int Unchanged,
    int Rejected,
    long Rows,
    IReadOnlyList<EtlDocumentRow> Documents,
    IReadOnlyList<LakeTable> Tables,
    string? Failure)
{
    /// <summary>Documents loaded before whose file is gone; their rows are not in the new snapshot.</summary>
    public int Removed { get; init; }

    /// <summary>Rejected documents (counted in <see cref="Rejected"/>) whose last good rows were kept.</summary>
    public int Stale { get; init; }

    /// <summary>Series (a municipality's documents of one family) whose cross-year lineage was recomputed.</summary>
    public int LineageSeries { get; init; }

    /// <summary>True when <see cref="LoadMode.IfChanged"/> found the inputs as the current snapshot was built from them; nothing was written.</summary>
    public bool NothingChanged { get; init; }

    /// <summary>0 when every document loaded, 2 when some were rejected but a snapshot was published, 1 when nothing was published.</summary>
    public int ExitCode => SnapshotId is null ? 1 : Rejected > 0 ? 2 : 0;
}

/// <summary>Whether a run publishes a snapshot when its inputs have not changed.</summary>
internal enum LoadMode
{
    /// <summary>Always publish a new snapshot (tests and the bench's full loads).</summary>
    Publish,

    /// <summary>Publish only when a document, the manifest, the reference data or the loader changed (the <c>load</c> verb and the service).</summary>
    IfChanged,
}
