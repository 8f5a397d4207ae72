using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Tests.Serve;

/// <summary>The seeds loaded once into a temporary warehouse, shared by the tests of the reading side.</summary>
public sealed class SeedLoadFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string Warehouse => Path.Combine(_dir.Path, "warehouse");

    public string SnapshotDir => new SnapshotStore(Warehouse).CurrentSnapshotDir ?? throw new InvalidOperationException("no snapshot");

    public string Database => Path.Combine(SnapshotDir, SnapshotStore.DatabaseFile);

    public string Lake => Path.Combine(SnapshotDir, SnapshotStore.LakeFolder);

    public string ConnectionString => $"Data Source={Database};ACCESS_MODE=READ_ONLY";

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Seeds)}"] = TestPaths.Seeds,
            [$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Warehouse)}"] = Warehouse,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging().AddBudgetWarehouse();
        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<LoadPipeline>().RunAsync(CancellationToken.None);
        if (outcome.SnapshotId is null)
        {
            throw new InvalidOperationException("the seeds did not load: " + outcome.Failure);
        }
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SeedLoadCollection : ICollectionFixture<SeedLoadFixture>
{
    public const string Name = "seeds loaded for the notebooks, the report and the engine DDL";
}
