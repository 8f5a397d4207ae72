using System.Diagnostics;
using System.Text;
using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Verbs;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>The analyst verbs (query, validate, explain, docs), in process and through the bw executable.</summary>
[Collection("seed warehouse")]
public sealed class AnalystVerbsTests(WarehouseFixture seeds)
{
    [Fact]
    public async Task QueryPrintsTheCountThroughTheCommandLine()
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var count = await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative");
        var (exit, stdout, stderr) = await RunBwAsync("query", "--warehouse", seeds.Warehouse.WarehouseDir, "select count(*) from fact_initiative");
        Assert.True(exit == 0, stderr);
        Assert.Matches($@"\|\s+{count} \|", stdout);
        Assert.Contains("1 row", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvWithBomStartsWithTheUtf8ByteOrderMark()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "out.csv");
        var (exit, _, stderr) = await RunBwAsync("query", "--warehouse", seeds.Warehouse.WarehouseDir, "--format", "csv", "--bom", "--out", file,
            "select code, title from dim_policy order by source_line limit 2");
        Assert.True(exit == 0, stderr);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("code,title\r\n1,元気で活力あふれるまちづくり\r\n1.1,地域経済の活性化\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task AWriteThroughQueryFailsBecauseTheWarehouseIsReadOnly()
    {
        var (exit, _, stderr) = await RunBwAsync("query", "--warehouse", seeds.Warehouse.WarehouseDir,
            "insert into dim_department (department_id, name, kind, is_current, source) values ('x', 'x', '課', true, 'test')");
        Assert.Equal(1, exit);
        Assert.Contains("read-only", stderr, StringComparison.Ordinal);
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("select count(*) from dim_department where department_id = 'x'"));
        await Assert.ThrowsAsync<QueryException>(() => QueryRunner.RunAsync(db, "create table t (a int)", CancellationToken.None));
    }

    [Fact]
    public void TableOutputAlignsJapaneseColumns()
    {
        var result = new QueryResult(["code", "title", "amount_yen"], ["VARCHAR", "VARCHAR", "BIGINT"],
        [
            ["1", "元気で活力あふれるまちづくり", 27_100_000_000L],
            ["1.1", "地域経済の活性化", null],
            ["2", "ascii only", 5L],
        ]);
        var writer = new StringWriter();
        ResultWriter.WriteTable(result, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var tableLines = lines.Where(l => l.StartsWith('|') || l.StartsWith('+')).ToList();
        Assert.Equal(7, tableLines.Count);
        Assert.Single(tableLines.Select(DisplayWidth.Of).Distinct());
        // Column separators sit at the same display column on every row.
        var rows = tableLines.Where(l => l.StartsWith('|') && !l.StartsWith("|-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Single(rows.Select(r => DisplayWidth.Of(r[..r.IndexOf('|', 1)])).Distinct());
        Assert.Contains("27100000000 |", writer.ToString(), StringComparison.Ordinal);
        Assert.Equal("3 rows", lines[^1]);
    }

    [Fact]
    public void JsonAndCsvKeepJapaneseAndTypes()
    {
        var result = new QueryResult(["title", "n", "flag", "day"], ["VARCHAR", "BIGINT", "BOOLEAN", "DATE"],
            [["予算の\"重点\", 令和2年度", 3L, true, new DateOnly(2021, 3, 31)], [null, null, null, null]]);
        var json = new StringWriter();
        ResultWriter.WriteJson(result, json);
        Assert.Contains("\"title\": \"予算の\\\"重点\\\", 令和2年度\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"n\": 3", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"day\": \"2021-03-31\"", json.ToString(), StringComparison.Ordinal);
        var csv = new StringWriter();
        ResultWriter.WriteCsv(result, csv);
        Assert.Equal("title,n,flag,day\r\n\"予算の\"\"重点\"\", 令和2年度\",3,true,2021-03-31\r\n,,,\r\n", csv.ToString());
    }

    [Fact]
    public async Task ParquetOutputHoldsTheResult()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "items.parquet");
        await using (var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None, file))
        {
            await QueryRunner.CopyToParquetAsync(db, "select initiative_id, text from fact_initiative where is_new_program;", file, CancellationToken.None);
        }

        await using var check = new DuckDBConnection("Data Source=:memory:");
        await check.OpenAsync();
        // 13 items (one of them 再掲) and one detail line end in 創設/新設.
        Assert.Equal(14, await check.ExecuteScalarAsync<long>($"select count(*) from read_parquet('{file}')"));
    }

    [Fact]
    public async Task ValidatePassesOnTheSeedsAndNamesTheTestAndRowOnACorruptedCopy()
    {
        var (exit, stdout, _) = await RunBwAsync("validate", "--warehouse", seeds.Warehouse.WarehouseDir);
        Assert.True(exit == 0, stdout);
        Assert.Contains("PASS  relationships_fact_initiative", stdout, StringComparison.Ordinal);

        using var dir = new TempDir();
        var copy = Path.Combine(dir.Path, "corrupt.duckdb");
        File.Copy(seeds.Warehouse.LoadedDatabase, copy);
        await using (var connection = new DuckDBConnection($"Data Source={copy}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(
                "insert into fact_initiative select * replace ('orphan-I9999' as initiative_id, 'no-such-document' as document_id) from fact_initiative limit 1");
        }

        (exit, stdout, _) = await RunBwAsync("validate", "--db", copy);
        Assert.Equal(1, exit);
        var failure = stdout.Split('\n').Single(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL  relationships_fact_initiative: ", failure, StringComparison.Ordinal);
        Assert.Matches(@"\| orphan-I9999\s+\| document_id\s+\| no-such-document\s+\|", stdout);
        Assert.Contains("1 failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainPrintsTheSourceLineOfAnInitiative()
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var id = await db.ExecuteScalarAsync<string>("select initiative_id from fact_initiative where source_line_start = 13");
        var (exit, stdout, stderr) = await RunBwAsync("explain", "--warehouse", seeds.Warehouse.WarehouseDir, "--seeds", TestPaths.Seeds, id!);
        Assert.True(exit == 0, stderr);
        Assert.Contains("13 | - ・価値創造拠点施設の整備を本格化（令和3年春開設予定）", stdout, StringComparison.Ordinal);
        Assert.Contains("fiscal year   2020 (令和2年度)", stdout, StringComparison.Ordinal);
        Assert.Contains("元気で活力あふれるまちづくり > 地域経済の活性化 > 新産業の創出と人材の育成", stdout, StringComparison.Ordinal);
        Assert.Contains("department", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("has changed", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await RunBwAsync("explain", "--warehouse", seeds.Warehouse.WarehouseDir, "no-such-id");
        Assert.Equal(1, exit);
        Assert.Contains("no-such-id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainSaysWhenTheDocumentChangedSinceLoad()
    {
        using var dir = new TempDir();
        var seedsCopy = Path.Combine(dir.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seedsCopy, "documents"));
        var file = Path.GetFileName(TestPaths.SeedDocument("000_"));
        File.Copy(TestPaths.SeedDocument("000_"), Path.Combine(seedsCopy, "documents", file));
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var id = await db.ExecuteScalarAsync<string>("select initiative_id from fact_initiative where source_line_start = 13");
        await File.AppendAllTextAsync(Path.Combine(seedsCopy, "documents", file), "追記\n");

        var output = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(db, id!, [seedsCopy], output, CancellationToken.None));
        Assert.Contains("has changed since it was loaded", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("13 | - ・価値創造拠点施設", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainFindsPolicyNodes()
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var id = await db.ExecuteScalarAsync<string>("select policy_id from dim_policy where source_line = 58");
        var output = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(db, id!, [TestPaths.Seeds], output, CancellationToken.None));
        Assert.StartsWith("dim_policy ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("58 | ①都市基盤の充実", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("fact_initiative (policy_id)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainFindsMeasuresAndMilestones()
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var measure = await db.ExecuteScalarAsync<string>("select measure_id from fact_measure where source_line = 54 and amount_yen = 27100000000");
        var output = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(db, measure!, [TestPaths.Seeds], output, CancellationToken.None));
        Assert.StartsWith("fact_measure ", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"raw_text\s+271億円", output.ToString());
        Assert.Contains("54 | - ・国の経済対策に呼応して", output.ToString(), StringComparison.Ordinal);

        var milestone = await db.ExecuteScalarAsync<string>("select milestone_id from fact_milestone where source_line = 431");
        output = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(db, milestone!, [TestPaths.Seeds], output, CancellationToken.None));
        Assert.Matches(@"start_date\s+2021-06-01", output.ToString());
        Assert.Contains("431 | - ・金沢湯涌ホテルの里の整備に着手（令和3年6月開設予定）", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsWritesTheDataDictionary()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "dictionary.md");
        var (exit, _, stderr) = await RunBwAsync("docs", "--db", seeds.Warehouse.Database, "--out", file);
        Assert.True(exit == 0, stderr);
        var markdown = await File.ReadAllTextAsync(file);
        await using var db = await seeds.Warehouse.OpenAsync();
        foreach (var (name, comment) in await db.QueryAsync<(string, string?)>(
            "select table_name, comment from duckdb_tables() union all select view_name, comment from duckdb_views() where not internal and schema_name = 'main'"))
        {
            Assert.Contains($"### {name}\n\n", markdown, StringComparison.Ordinal);
            Assert.Contains(comment ?? "(no comment)", markdown[markdown.IndexOf($"### {name}\n", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }

        Assert.Contains("| `document_id` | VARCHAR | no | Document (dim_document). | [dim_document](#dim_document).`document_id` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `parent_policy_id` | VARCHAR | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `initiative_id` | VARCHAR | no | Stable key: document id and sequence number. | key |", markdown, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunBwAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bw.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
