using BudgetWarehouse.Models;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>A bad field in a manifest row is a warning about that field: the rest of the row is used and the document loads.</summary>
public sealed class ManifestWarningTests
{
    [Fact]
    public async Task An_unknown_family_keeps_the_rows_municipality_and_year_and_the_document_loads()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("doc.txt", ServiceTestSupport.BudgetSeed);
        await File.WriteAllTextAsync(seeds.ManifestPath, "file,family,municipality,fiscal_year,title\ndoc.txt,zz_family,架空野町,2031,題の例\n");
        var warehouse = Path.Combine(temp.Path, "warehouse");

        var outcome = await ServiceTestSupport.Pipeline(seeds.Root, warehouse).RunAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (outcome.ExitCode, outcome.Loaded, outcome.Rejected));
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        Assert.Equal(("架空野町", 2031), db.QuerySingle<(string, int)>("select municipality, fiscal_year from dim_document"));
        var record = Assert.Single(db.Query<EtlDocumentRow>("select file_name as FileName, status as Status from etl_document"));
        Assert.Equal(("doc.txt", "loaded"), (record.FileName, record.Status));
    }
}
