using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Options;

/// <summary>Binds and validates each options class, so that a bad setting stops the host at start with its rule.</summary>
internal static class OptionsRegistration
{
    /// <summary>Every verb's settings (section "Warehouse").</summary>
    public static IServiceCollection AddWarehouseOptions(this IServiceCollection services)
    {
        services.AddOptions<WarehouseOptions>()
            .BindConfiguration(WarehouseOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Seeds) && !string.IsNullOrWhiteSpace(o.Warehouse), "Warehouse:Seeds and Warehouse:Warehouse must be set")
            .Validate(o => o.MaxFileBytes > 0 && o.MaxLineLength > 0, "Warehouse:MaxFileBytes and Warehouse:MaxLineLength must be positive")
            .Validate(o => o.SnapshotGraceSeconds >= 0 && o.Parallelism >= 0, "Warehouse:SnapshotGraceSeconds and Warehouse:Parallelism cannot be negative")
            .Validate(o => o.KeepSnapshots >= 1 && o.DocumentHistoryRuns >= 0, "Warehouse:KeepSnapshots must be at least 1 and Warehouse:DocumentHistoryRuns cannot be negative")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The <c>serve</c> verb's settings (section "Serve"): validated only when serving, as other verbs ignore them.</summary>
    public static IServiceCollection AddServeOptions(this IServiceCollection services)
    {
        services.AddOptions<ServeOptions>()
            .BindConfiguration(ServeOptions.Section)
            .Validate(o => o.DebounceMilliseconds >= 0 && o.MaxDelayMilliseconds >= o.DebounceMilliseconds, "Serve:DebounceMilliseconds must be between 0 and Serve:MaxDelayMilliseconds")
            .Validate(o => o.RescanSeconds > 0 && o.MaxConsecutiveFailures > 0, "Serve:RescanSeconds and Serve:MaxConsecutiveFailures must be positive")
            .ValidateOnStart();
        return services;
    }
}
