namespace BudgetWarehouse.Loader.Options;

/// <summary>Settings of the <c>serve</c> verb: section "Serve" of appsettings.json (Serve__DebounceMilliseconds=… in the environment).</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    /// <summary>Quiet time after the last file event before a reload starts, so a burst of copies becomes one load.</summary>
    public int DebounceMilliseconds { get; set; } = 1000;

    /// <summary>Longest a reload waits for quiet while events keep arriving.</summary>
    public int MaxDelayMilliseconds { get; set; } = 10_000;

    /// <summary>Seconds between rescans of the seeds folder, because file watchers miss events (network shares, overflow).</summary>
    public int RescanSeconds { get; set; } = 60;

    /// <summary>Reloads that may fail in a row (lock held, disk full…) before the service stops with exit code 1.</summary>
    public int MaxConsecutiveFailures { get; set; } = 5;
}
