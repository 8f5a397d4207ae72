using System.Security.Cryptography;
using BudgetWarehouse.Loader.Analysis;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// The reader sandbox: every attempt to write, to read outside the snapshot's lake or to loosen the settings is
/// refused with a message that says query is read-only, and the snapshot stays byte for byte as it was.
/// </summary>
[Collection("seed warehouse")]
public sealed class SandboxTests(WarehouseFixture seeds)
{
    private const string ReadOnly = "query is read-only";

    /// <summary>Escape attempts; {db}, {lake} and {tmp} are replaced by the snapshot's database, its lake and a scratch folder.</summary>
    public static TheoryData<string> Escapes => new()
    {
        "copy (select 'x') to '{db}' (format csv)",
        "copy (select 'x' as a) to '{lake}/dim_document/zz.parquet' (format parquet)",
        "copy (select 'x') to '{tmp}/out.csv' (format csv)",
        "COPY dim_document TO '{tmp}/doc.csv'",
        "copy dim_document from '/etc/passwd'",
        "export database '{tmp}/export'",
        "checkpoint",
        "force checkpoint",
        "pragma force_checkpoint",
        "pragma enable_profiling",
        "select * from read_csv('/etc/passwd')",
        "select * from read_text('/etc/passwd')",
        "select * from read_blob('/etc/passwd')",
        "select * from read_parquet('/etc/passwd')",
        "select * from glob('/etc/*')",
        "from read_text('/etc/hostname')",
        "with t as (select 1) select * from read_text('/etc/hostname')",
        "select * from sniff_csv('/etc/passwd')",
        "attach '{tmp}/other.duckdb' as other",
        "detach budget",
        "set enable_external_access = true",
        "reset enable_external_access",
        "set allowed_directories = ['/']",
        "set lock_configuration = false",
        "install httpfs",
        "load httpfs",
        "create table zz (a int)",
        "insert into dim_document select * from dim_document",
        "update dim_document set file_name = 'x'",
        "delete from dim_document",
        "drop table dim_document",
        "explain analyze copy (select 1) to '{tmp}/e.csv'",
        "call checkpoint()",
        "vacuum",
        "/* select */ copy (select 1) to '{tmp}/c.csv'",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task AnEscapeIsRefusedAndTheSnapshotStaysByteIdentical(string attempt)
    {
        using var tmp = new TempDir();
        var snapshot = Path.GetDirectoryName(seeds.Warehouse.LoadedDatabase)!;
        var before = Hashes(snapshot);
        var sql = attempt.Replace("{db}", seeds.Warehouse.LoadedDatabase, StringComparison.Ordinal)
            .Replace("{lake}", seeds.Lake, StringComparison.Ordinal).Replace("{tmp}", tmp.Path, StringComparison.Ordinal);

        await using (var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None))
        {
            var ex = await Assert.ThrowsAsync<QueryException>(() => QueryRunner.RunAsync(db, sql, CancellationToken.None));
            Assert.Contains(ReadOnly, ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Hashes(snapshot));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    /// <summary>
    /// Reads DuckDB turns down in its own words: a path as a table name is looked up as a table (scans of
    /// files by name are off), and the attached database file is held open by DuckDB itself.
    /// </summary>
    [Theory]
    [InlineData("select * from '/etc/passwd'", "Table with name /etc/passwd does not exist")]
    [InlineData("select * from read_text('{db}')", "read_text: could not")]
    public async Task AReadOutsideTheLakeIsRefusedByDuckDb(string attempt, string message)
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<QueryException>(() => QueryRunner.RunAsync(db, attempt.Replace("{db}", seeds.Warehouse.LoadedDatabase, StringComparison.Ordinal), CancellationToken.None));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select 1; copy (select 1) to '{tmp}/x.csv'", 2)]
    [InlineData("select ';'; select 2;", 2)]
    [InlineData("select 1 /* ; */; select 2 -- ;\n; select 3", 3)]
    public async Task SeveralStatementsAreRefusedBeforeAnyRuns(string attempt, int count)
    {
        using var tmp = new TempDir();
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<QueryException>(() => QueryRunner.RunAsync(db, attempt.Replace("{tmp}", tmp.Path, StringComparison.Ordinal), CancellationToken.None));
        Assert.Equal($"query runs exactly one statement; this text holds {count} (run them one call each)", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Theory]
    [InlineData("select ';' as a;", "a")]
    [InlineData("-- a note; with a semicolon\nselect 'it''s; fine' as a", "a")]
    [InlineData("select $$;$$ as a", "a")]
    [InlineData("pragma table_info('dim_document')", "cid")]
    [InlineData("describe dim_document", "column_name")]
    public async Task OneReadingStatementRuns(string sql, string firstColumn)
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var result = await QueryRunner.RunAsync(db, sql, CancellationToken.None);
        Assert.Equal(firstColumn, result.Columns[0]);
    }

    [Fact]
    public async Task TheSnapshotsLakeStaysReadable()
    {
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var tables = await db.ExecuteScalarAsync<long>("select count(*) from dim_document");
        var result = await QueryRunner.RunAsync(db, $"select count(*) from read_parquet('{seeds.Lake}/dim_document/**/*.parquet')", CancellationToken.None);
        Assert.Equal(tables, Convert.ToInt64(result.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The settings themselves, without the statement check in front: DuckDB refuses on its own.</summary>
    [Theory]
    [InlineData("set enable_external_access = true")]
    [InlineData("set allowed_directories = ['/']")]
    [InlineData("select * from read_text('/etc/passwd')")]
    [InlineData("copy (select 1) to '{tmp}/x.csv'")]
    [InlineData("attach '{tmp}/other.duckdb' as other")]
    [InlineData("create table zz (a int)")]
    public async Task TheSandboxRefusesEvenWithoutTheStatementCheck(string attempt)
    {
        using var tmp = new TempDir();
        await using var db = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        Assert.True(await db.ExecuteScalarAsync<bool>("select current_setting('lock_configuration')"));
        await Assert.ThrowsAsync<DuckDBException>(() => db.ExecuteAsync(attempt.Replace("{tmp}", tmp.Path, StringComparison.Ordinal)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
