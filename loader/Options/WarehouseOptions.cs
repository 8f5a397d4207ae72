namespace BudgetWarehouse.Loader.Options;

/// <summary>
/// Settings of every verb: section "Warehouse" of appsettings.json, overridable by environment variables
/// (Warehouse__Seeds=…) and command-line flags (--seeds, --warehouse).
/// </summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>Seeds folder: documents/, manifest.csv, reference/. Relative to the current directory.</summary>
    public string Seeds { get; set; } = "seeds";

    /// <summary>Warehouse folder: snapshots and the current budget.duckdb and parquet/ links.</summary>
    public string Warehouse { get; set; } = "warehouse";

    /// <summary>Files larger than this are rejected.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Lines longer than this (in characters) are rejected; flattened PDF text makes long lines normal.</summary>
    public int MaxLineLength { get; set; } = 2_000_000;

    /// <summary>
    /// How long a snapshot beyond <see cref="KeepSnapshots"/> stays after it was superseded. 0 by default: the kept
    /// snapshots already include the ones before the current, which is what a reader that resolved `current` just
    /// before a switch is reading; raise it for lake readers that hold a snapshot across several publishes.
    /// </summary>
    public int SnapshotGraceSeconds { get; set; }

    /// <summary>Complete snapshots kept on disk, the current one included; older ones are removed after their grace period.</summary>
    public int KeepSnapshots { get; set; } = 3;

    /// <summary>Runs whose per-document rows etl_document keeps (older runs keep their etl_run row); 0 keeps every run.</summary>
    public int DocumentHistoryRuns { get; set; } = 20;

    /// <summary>
    /// Flush a snapshot's files to disk before publishing it, so that a power cut cannot leave a current snapshot
    /// with missing pages. A killed process needs no flush (the kernel keeps what was written); turn off only for
    /// throwaway warehouses such as tests.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>
    /// How an incremental load carries unchanged documents: true copies the previous snapshot's database and
    /// deletes what changed (measured 10–30× faster at national scale); false builds a fresh database from
    /// sql/schema and copies the unchanged documents' rows into it. Either falls back to the other's result
    /// shape: both give the same data as a full load.
    /// </summary>
    public bool IncrementalByCopy { get; set; } = true;

    /// <summary>Documents parsed at once; 0 means one per core.</summary>
    public int Parallelism { get; set; }

    /// <summary>
    /// DuckDB's memory budget while loading (its buffer pool, sorts and joins; beyond it DuckDB spills to a temporary
    /// folder next to the database), as DuckDB writes sizes ('512MB', '2GB'); empty for DuckDB's default of 80 % of
    /// the machine's memory. The loader's own memory comes on top: see the README's Performance section.
    /// </summary>
    public string DuckDbMemoryLimit { get; set; } = "384MB";

    public string SeedsPath => Path.GetFullPath(Seeds);

    public string WarehousePath => Path.GetFullPath(Warehouse);
}
