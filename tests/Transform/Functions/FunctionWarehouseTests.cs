using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Functions;

/// <summary>The seeds loaded into a temporary warehouse: every budget item has a 款 with evidence, and money sums per 款.</summary>
public class FunctionWarehouseTests : IAsyncLifetime
{
    private readonly TempDir _tmp = new();
    private DuckDBConnection _db = null!;

    public async Task InitializeAsync()
    {
        var warehouse = Path.Combine(_tmp.Path, "warehouse");
        Assert.NotNull((await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse)).SnapshotId);
        _db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await _db.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _tmp.Dispose();
    }

    [Fact]
    public async Task EveryBudgetItemOfTheSeedsHasAFunctionWithEvidence()
    {
        var (items, withFunction, withEvidence) = await _db.QuerySingleAsync<(long, long, long)>(
            """
            select count(*), count(*) filter (where i.function_method in ('explicit', 'rule') and i.function_id <> 'unknown'),
                   count(*) filter (where i.function_evidence like '%「%」%')
            from fact_initiative i join dim_document d using (document_id)
            where d.family = 'budget_priorities' and i.kind in ('item', 'detail')
            """);
        Assert.True(items > 250, $"{items} budget items");
        Assert.Equal(items, withFunction);
        Assert.Equal(items, withEvidence);
        Assert.Equal(15, await _db.ExecuteScalarAsync<long>("select count(*) from dim_function"));
        Assert.True(await _db.ExecuteScalarAsync<long>("select count(distinct function_id) from fact_initiative") >= 9);
    }

    [Fact]
    public async Task MeasuresCarryTheirInitiativesFunction()
    {
        var mismatched = await _db.ExecuteScalarAsync<long>(
            "select count(*) from fact_measure m join fact_initiative i using (initiative_id) where m.function_id <> i.function_id or m.function_evidence is distinct from i.function_evidence");
        Assert.Equal(0, mismatched);
        Assert.True(await _db.ExecuteScalarAsync<long>("select count(*) from fact_measure where function_id <> 'unknown'") > 0);
    }
}
