using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// sql/load, then the lineage and, alongside it on a second connection, the Parquet export of every table the
    /// lineage and the run log do not change; sql/views, run log, checkpoint.
    /// </summary>
    Finish,

    /// <summary>Parquet export of the lineage and the run log, views.sql and the lake manifest.</summary>
    Export,
}

/// <summary>
/// Counters of the load in progress: documents and bytes done out of the total, and time per stage. The
/// pipeline adds to them from its worker threads; the progress display and the benchmark read them.
/// </summary>
internal sealed partial class LoadMetrics
{
    private readonly long[] _ticks = new long[Enum.GetValues<LoadStage>().Length];
    private readonly long[] _cpuNanoseconds = new long[Enum.GetValues<LoadStage>().Length];
    private readonly ConcurrentQueue<(string Step, TimeSpan Wall)> _steps = new();
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
        Array.Clear(_cpuNanoseconds);
        _steps.Clear();
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

    /// <summary>A point in time for <see cref="Add"/>: wall clock and the calling thread's CPU clock.</summary>
    public static Clock Start() => new(Stopwatch.GetTimestamp(), ThreadCpuNanoseconds());

    /// <summary>
    /// Adds the time since <paramref name="since"/> to <paramref name="stage"/> and moves <paramref name="since"/> to now.
    /// CPU time is counted only when the stage ran on one thread (no await in between), as the parse workers and
    /// the appender do; it shows the work a stage costs when the machine is shared and wall times stretch.
    /// </summary>
    public void Add(LoadStage stage, ref Clock since)
    {
        var now = Start();
        Interlocked.Add(ref _ticks[(int)stage], now.Wall - since.Wall);
        if (now.Thread == since.Thread && now.Cpu >= since.Cpu && since.Cpu >= 0)
        {
            Interlocked.Add(ref _cpuNanoseconds[(int)stage], now.Cpu - since.Cpu);
        }

        since = now;
    }

    /// <summary>Records the wall time of one named step of the finish or export stage (a SQL script, the lineage, a table's COPY).</summary>
    public void Step(string name, TimeSpan wall) => _steps.Enqueue((name, wall));

    /// <summary>The steps recorded since <see cref="Reset"/>, in the order they ran.</summary>
    public IReadOnlyList<(string Step, TimeSpan Wall)> Steps => [.. _steps];

    /// <summary>Wall time of a stage (summed over workers for the parallel stages).</summary>
    public TimeSpan this[LoadStage stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)stage]));

    /// <summary>CPU time of a stage on the threads that ran it (zero for stages that await).</summary>
    public TimeSpan Cpu(LoadStage stage) => TimeSpan.FromTicks(Interlocked.Read(ref _cpuNanoseconds[(int)stage]) / 100);

    /// <summary>A wall and thread-CPU reading.</summary>
    public readonly record struct Clock(long Wall, long Cpu)
    {
        public int Thread { get; } = Environment.CurrentManagedThreadId;
    }

    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        return ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) == 0 ? (ts.Seconds * 1_000_000_000) + ts.Nanoseconds : -1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
