using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// A seeds folder loaded by the real pipeline into a temporary warehouse, plus a "complete" copy of its
/// database: the contract's fact tables that this build may not load yet are created empty there
/// (tests/Sql/contract_tables.sql, a no-op where they exist), every view of sql/views is created, and the lake
/// is exported again from it, so that every view, query and data test binds in tests.
/// </summary>
public sealed class LoadedWarehouse : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    private LoadedWarehouse()
    {
    }

    public string Root => _dir.Path;

    public string WarehouseDir => Path.Combine(_dir.Path, "warehouse");

    public string SeedsDir { get; private set; } = "";

    /// <summary>The published snapshot's database, as the loader wrote it.</summary>
    public string LoadedDatabase { get; private set; } = "";

    /// <summary>The complete copy (every view bound).</summary>
    public string Database => Path.Combine(_dir.Path, "complete", SnapshotStore.DatabaseFile);

    /// <summary>The lake exported from the complete copy, with its views.sql.</summary>
    public string Lake => Path.Combine(_dir.Path, "complete", SnapshotStore.LakeFolder);

    public int LoadExitCode { get; private set; }

    public static async Task<LoadedWarehouse> CreateAsync(string seedsDir)
    {
        var w = new LoadedWarehouse { SeedsDir = seedsDir };
        var outcome = await LoadAsync(seedsDir, w.WarehouseDir).ConfigureAwait(false);
        w.LoadExitCode = outcome.ExitCode;
        w.LoadedDatabase = WarehouseDatabase.CurrentPath(new SnapshotStore(w.WarehouseDir));
        Directory.CreateDirectory(Path.GetDirectoryName(w.Database)!);
        File.Copy(w.LoadedDatabase, w.Database);
        await using (var connection = new DuckDBConnection($"Data Source={w.Database}"))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "tests", "Sql", "contract_tables.sql")).ConfigureAwait(false);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            foreach (var file in SqlScripts.Files("views"))
            {
                await SqlScripts.RunFileAsync(connection, file, CancellationToken.None).ConfigureAwait(false);
            }

            await using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.CommandText = "checkpoint";
                await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await ParquetExporter.ExportAsync(connection, w.Lake, CancellationToken.None).ConfigureAwait(false);
        }

        return w;
    }

    /// <summary>Runs one load of <paramref name="seedsDir"/> into <paramref name="warehouseDir"/> with the services the verbs use.</summary>
    internal static Task<LoadOutcome> LoadAsync(string seedsDir, string warehouseDir) =>
        TestWarehouse.LoadExactlyAsync(seedsDir, warehouseDir, [new("Warehouse:Parallelism", "1")]);

    private Task<IReadOnlyList<DataTestResult>>? _dataTests;

    /// <summary>The data tests of sql/tests run once on the complete copy.</summary>
    internal Task<IReadOnlyList<DataTestResult>> DataTestResultsAsync() => _dataTests ??= RunDataTestsAsync();

    private async Task<IReadOnlyList<DataTestResult>> RunDataTestsAsync()
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        return await DataTests.RunAsync(connection, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Opens the complete copy read-only.</summary>
    public Task<DuckDBConnection> OpenAsync() => WarehouseDatabase.OpenReadOnlyAsync(Database, CancellationToken.None);

    /// <summary>
    /// An in-memory DuckDB session that has run a lake's views.sql: what a notebook on the lake sees. By default
    /// the complete copy's lake; <paramref name="published"/> takes the lake the loader published.
    /// </summary>
    public async Task<DuckDBConnection> OpenLakeAsync(bool published = false)
    {
        var lake = published ? Path.Combine(WarehouseDir, SnapshotStore.LakeFolder) : Lake;
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = await File.ReadAllTextAsync(Path.Combine(lake, ParquetExporter.ViewsFile)).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A seeds folder loaded once for every test class of a collection (the repository's seeds unless a subclass
/// names another folder): the published snapshot and its complete copy (<see cref="LoadedWarehouse"/>).
/// </summary>
public class WarehouseFixture : IAsyncLifetime
{
    public virtual string Seeds => TestPaths.Seeds;

    public LoadedWarehouse Warehouse { get; private set; } = null!;

    /// <summary>The warehouse's snapshots, as the verbs see them.</summary>
    internal SnapshotStore Store => new(Warehouse.WarehouseDir);

    /// <summary>The published snapshot's database, read-only.</summary>
    public string ConnectionString => $"Data Source={Warehouse.LoadedDatabase};ACCESS_MODE=READ_ONLY";

    /// <summary>The published snapshot's lake.</summary>
    public string Lake => Path.Combine(Path.GetDirectoryName(Warehouse.LoadedDatabase)!, SnapshotStore.LakeFolder);

    public async Task InitializeAsync()
    {
        Warehouse = await LoadedWarehouse.CreateAsync(Seeds);
        if (Warehouse.LoadExitCode == 1)
        {
            throw new InvalidOperationException($"{Seeds} did not load");
        }
    }

    public async Task DisposeAsync() => await Warehouse.DisposeAsync();
}

/// <summary>The two-year lineage fixture (tests/fixtures/lineage) loaded once.</summary>
public sealed class LineageWarehouseFixture : WarehouseFixture
{
    public static string LineageSeeds => Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "lineage");

    public override string Seeds => LineageSeeds;
}

[CollectionDefinition(Name)]
public sealed class SeedWarehouseCollection : ICollectionFixture<WarehouseFixture>, ICollectionFixture<LineageWarehouseFixture>
{
    public const string Name = "seed warehouse";
}
