using System.Diagnostics;

namespace BudgetWarehouse.Loader.Load;

/// <summary>Stages of a load, as timed by <see cref="LoadMetrics"/>.</summary>
internal enum LoadStage
{
    /// <summary>Listing the documents folder, reading the manifest, hashing every file.</summary>
    Discover,

    /// <summary>Reading bytes, detecting the encoding, decoding and NFKC-normalising lines (summed over workers).</summary>
    Decode,

    /// <summary>Family parsers (summed over workers).</summary>
    Parse,

    /// <summary>Document tree → rows (summed over workers).</summary>
    Transform,

    /// <summary>Appending rows to DuckDB (the single writer).</summary>
    Append,

    /// <summary>Closing the appenders, sql/load and sql/views, run log, checkpoint.</summary>
    Finish,

    /// <summary>COPY of every table to Parquet and the lake manifest.</summary>
    Export,
}

/// <summary>
/// Counters of the load in progress: documents and bytes done out of the total, and time per stage. The
/// pipeline adds to them from its worker threads; the progress display and the benchmark read them.
/// </summary>
internal sealed class LoadMetrics
{
    private readonly long[] _ticks = new long[Enum.GetValues<LoadStage>().Length];
    private long _started;
    private int _documentsTotal;
    private long _bytesTotal;
    private int _documentsDone;
    private long _bytesDone;

    public int DocumentsTotal => Volatile.Read(ref _documentsTotal);

    public long BytesTotal => Volatile.Read(ref _bytesTotal);

    public int DocumentsDone => Volatile.Read(ref _documentsDone);

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    /// <summary>Time since <see cref="Reset"/>.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Interlocked.Read(ref _started));

    /// <summary>Starts a new run: clears every counter.</summary>
    public void Reset()
    {
        Array.Clear(_ticks);
        Volatile.Write(ref _documentsTotal, 0);
        Volatile.Write(ref _documentsDone, 0);
        Interlocked.Exchange(ref _bytesTotal, 0);
        Interlocked.Exchange(ref _bytesDone, 0);
        Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());
    }

    /// <summary>The work found by discovery.</summary>
    public void Found(int documents, long bytes)
    {
        Interlocked.Exchange(ref _bytesTotal, bytes);
        Volatile.Write(ref _documentsTotal, documents);
    }

    public void DocumentDone(long bytes)
    {
        Interlocked.Add(ref _bytesDone, bytes);
        Interlocked.Increment(ref _documentsDone);
    }

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="stage"/> and moves <paramref name="since"/> to now.</summary>
    public void Add(LoadStage stage, ref long since)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)stage], now - since);
        since = now;
    }

    public TimeSpan this[LoadStage stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)stage]));
}
