using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Transform;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>The snapshot that is current when a run starts: the one whose rows it may carry.</summary>
internal sealed record PreviousSnapshot(string? Dir, string? Database, LoadState? State)
{
    public bool HasDatabase => Database is not null && File.Exists(Database);

    public static PreviousSnapshot Find(SnapshotStore store)
    {
        var dir = store.CurrentSnapshotDir;
        var database = dir is null ? null : Path.Combine(dir, SnapshotStore.DatabaseFile);
        var state = database is not null && File.Exists(database) ? LoadState.TryRead(dir) : null;
        return new PreviousSnapshot(dir, database, state);
    }
}

/// <summary>
/// Which documents a run carries from the previous snapshot (same input key, same code) and which it parses.
/// The lists change when carrying fails and the carried documents are parsed after all.
/// </summary>
internal sealed class CarryPlan
{
    private CarryPlan(IReadOnlyDictionary<string, LoadStateDocument> previousByFile, bool allowCarry, bool sameCode)
    {
        PreviousByFile = previousByFile;
        AllowCarry = allowCarry;
        SameCode = sameCode;
    }

    /// <summary>The previous snapshot's documents by file name; empty without one.</summary>
    public IReadOnlyDictionary<string, LoadStateDocument> PreviousByFile { get; }

    /// <summary>False when the run starts again because what it carried was invalidated.</summary>
    public bool AllowCarry { get; }

    /// <summary>The previous snapshot was built by the same code and reference data, and carrying is allowed.</summary>
    public bool SameCode { get; }

    public List<(Work Work, LoadStateDocument Previous)> Unchanged { get; } = [];

    public List<Work> ToParse { get; } = [];

    public static CarryPlan Make(IEnumerable<Work> work, string fingerprint, LoadState? previous, bool allowCarry)
    {
        var byFile = previous?.Documents.ToDictionary(d => d.FileName, StringComparer.Ordinal) ?? new Dictionary<string, LoadStateDocument>(StringComparer.Ordinal);
        var plan = new CarryPlan(byFile, allowCarry, allowCarry && previous?.Fingerprint == fingerprint);
        foreach (var w in work)
        {
            if (w.Error is null && plan.SameCode && byFile.TryGetValue(w.Input.FileName, out var p) && p.InputKey == w.Key && p.DocumentId == Ids.Document(w.Sha!))
            {
                plan.Unchanged.Add((w, p));
            }
            else
            {
                plan.ToParse.Add(w);
            }
        }

        return plan;
    }

    /// <summary>Parses the documents that were to be carried: carrying them failed.</summary>
    public void ParseUnchanged()
    {
        ToParse.AddRange(Unchanged.Select(u => u.Work));
        Unchanged.Clear();
    }
}
