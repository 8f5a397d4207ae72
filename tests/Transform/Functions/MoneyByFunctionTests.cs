using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Functions;

/// <summary>v_money_by_function and v_function_year on two years of one imaginary town and one year of another.</summary>
public class MoneyByFunctionTests
{
    [Fact]
    public async Task MoneyPer款PerYearForEveryMunicipalityWithTheChangeOnThePriorYear()
    {
        using var tmp = new TempDir();
        var seeds = Path.Combine(tmp.Path, "seeds");
        var documents = Directory.CreateDirectory(Path.Combine(seeds, "documents")).FullName;
        await File.WriteAllTextAsync(Path.Combine(documents, "a2024.txt"),
            "令和6年度 予算の重点\n\n1 暮らし\n\n【民生費】\n・子育て応援給付金を支給 1億円\n【土木費】\n・市道の舗装補修を推進 2億円\n");
        await File.WriteAllTextAsync(Path.Combine(documents, "a2025.txt"),
            "令和7年度 予算の重点\n\n1 暮らし\n\n【民生費】\n・子育て応援給付金を拡充 1億5,000万円\n・保育所の保育士を増員(再掲) 3億円\n");
        await File.WriteAllTextAsync(Path.Combine(documents, "b2025.txt"),
            "令和7年度 予算の重点\n\n1 学び\n・小学校の体育館に空調設備を整備 4億円\n");
        await File.WriteAllTextAsync(Path.Combine(seeds, "manifest.csv"),
            "file,family,municipality,fiscal_year,title\na2024.txt,budget_priorities,架空市,2024,\na2025.txt,budget_priorities,架空市,2025,\nb2025.txt,budget_priorities,見本町,2025,\n");
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        Assert.NotNull((await TestWarehouse.LoadAsync(seeds, warehouse)).SnapshotId);
        await using var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await db.OpenAsync();

        // Every 款 (and unknown) in every loaded year of every municipality.
        Assert.Equal(3 * 15, await db.ExecuteScalarAsync<long>("select count(*) from v_money_by_function"));
        var rows = (await db.QueryAsync<(string Municipality, int Year, string Name, long Amount, int? Prior, long? Delta, double? Pct)>(
            "select municipality, fiscal_year, function_name, amount_yen, prior_fiscal_year, amount_yen_delta, amount_yen_pct_change from v_money_by_function where amount_yen <> 0 or amount_yen_prior <> 0 order by 1, 2, function_code")).ToList();
        Assert.Equal(
            [
                ("架空市", 2024, "民生費", 100_000_000L, (int?)null, (long?)null, (double?)null),
                ("架空市", 2024, "土木費", 200_000_000L, null, null, null),
                // The relisted (再掲) 3億円 is left out; 土木費 drops to 0 and keeps its row.
                ("架空市", 2025, "民生費", 150_000_000L, 2024, 50_000_000L, 50.0),
                ("架空市", 2025, "土木費", 0L, 2024, -200_000_000L, -100.0),
                ("見本町", 2025, "教育費", 400_000_000L, null, null, null),
            ],
            rows);
        var relisted = await db.QuerySingleAsync<(long Initiatives, long Relisted)>(
            "select initiatives, relisted from v_function_year where municipality = '架空市' and fiscal_year = 2025 and function_name = '民生費'");
        Assert.Equal((1L, 1L), relisted);
    }
}
