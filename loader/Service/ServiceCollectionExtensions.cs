using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Load;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Service;

/// <summary>Registers everything the verbs share.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddBudgetWarehouse(this IServiceCollection services)
    {
        services.AddOptions<WarehouseOptions>()
            .BindConfiguration(WarehouseOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Seeds) && !string.IsNullOrWhiteSpace(o.Warehouse), "Warehouse:Seeds and Warehouse:Warehouse must be set")
            .Validate(o => o.MaxFileBytes > 0 && o.MaxLineLength > 0, "Warehouse:MaxFileBytes and Warehouse:MaxLineLength must be positive")
            .Validate(o => o.SnapshotGraceSeconds >= 0 && o.Parallelism >= 0, "Warehouse:SnapshotGraceSeconds and Warehouse:Parallelism cannot be negative")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentParser, BudgetPrioritiesParser>();
        services.AddSingleton<IDocumentParser, PlanProgressParser>();
        services.AddSingleton(sp => new FamilyDetector(sp.GetServices<IDocumentParser>()));
        services.AddSingleton<LoadPipeline>();
        return services;
    }
}
