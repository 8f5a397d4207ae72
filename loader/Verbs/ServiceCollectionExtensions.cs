using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>Registers everything the verbs share.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddBudgetWarehouse(this IServiceCollection services)
    {
        services.AddWarehouseOptions();
        services.AddSingleton(TimeProvider.System);

        // One store for every verb: the warehouse folder's snapshots, read by the analysis verbs and written by loads.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            return new SnapshotStore(options.WarehousePath, options.FlushToDisk);
        });
        services.AddSingleton<IDocumentParser, BudgetPrioritiesParser>();
        services.AddSingleton<IDocumentParser, PlanProgressParser>();
        services.AddSingleton(sp => new FamilyDetector(sp.GetServices<IDocumentParser>()));
        services.AddSingleton<LoadPipeline>();
        services.AddSingleton<LoadMetrics>();
        return services;
    }
}
