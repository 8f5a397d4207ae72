using System.Text.RegularExpressions;
using BudgetWarehouse.Bench.Tools;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Tests.Analysis;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Engines;

/// <summary>
/// sql/engines/spark.sql and trino.sql stay in step with the warehouse: they are what the bench tool's <c>engines</c> verb
/// writes from the loaded catalog, and every table of the loaded DuckDB
/// database (what the lake exports) is declared in both, over its own lake folder, with every column at a
/// compatible type and no column the warehouse lacks; the tables the lake partitions are partitioned by fiscal_year.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed partial class EngineDdlTests(WarehouseFixture seeds)
{
    public static TheoryData<string> Engines() => new() { "spark", "trino" };

    /// <summary>Engine types each DuckDB type may be declared as (upper case, no spaces).</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Compatible = new(StringComparer.Ordinal)
    {
        ["spark"] = new(StringComparer.Ordinal)
        {
            ["VARCHAR"] = ["STRING"],
            ["INTEGER"] = ["INT", "INTEGER"],
            ["BIGINT"] = ["BIGINT"],
            ["DOUBLE"] = ["DOUBLE"],
            ["BOOLEAN"] = ["BOOLEAN"],
            ["DATE"] = ["DATE"],
            ["TIMESTAMP"] = ["TIMESTAMP_NTZ", "TIMESTAMP"],
        },
        ["trino"] = new(StringComparer.Ordinal)
        {
            ["VARCHAR"] = ["VARCHAR"],
            ["INTEGER"] = ["INTEGER"],
            ["BIGINT"] = ["BIGINT"],
            ["DOUBLE"] = ["DOUBLE"],
            ["BOOLEAN"] = ["BOOLEAN"],
            ["DATE"] = ["DATE"],
            ["TIMESTAMP"] = ["TIMESTAMP(3)", "TIMESTAMP(6)", "TIMESTAMP"],
        },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EveryWarehouseTableAndColumnIsDeclaredWithACompatibleType(string engine)
    {
        var ddl = Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "engines", engine + ".sql")));
        var warehouse = await WarehouseColumnsAsync();
        var problems = new List<string>();
        foreach (var (table, columns) in warehouse)
        {
            if (!ddl.TryGetValue(table, out var declared))
            {
                problems.Add($"{table}: not declared");
                continue;
            }

            foreach (var (column, duckType) in columns)
            {
                if (!declared.Columns.TryGetValue(column, out var engineType))
                {
                    problems.Add($"{table}.{column}: not declared");
                }
                else if (!Compatible[engine].TryGetValue(duckType, out var allowed))
                {
                    problems.Add($"{table}.{column}: DuckDB type {duckType} has no counterpart in the lake contract (BIGINT yen, DOUBLE ratios, DATE, TIMESTAMP, VARCHAR, INTEGER, BOOLEAN)");
                }
                else if (!allowed.Contains(engineType, StringComparer.Ordinal))
                {
                    problems.Add($"{table}.{column}: declared {engineType}, the warehouse has {duckType} (expected {string.Join(" or ", allowed)})");
                }
            }

            var partitioned = ParquetExporter.IsPartitioned(table) && columns.ContainsKey("fiscal_year");
            if (partitioned != (declared.PartitionedBy == "fiscal_year"))
            {
                problems.Add($"{table}: partitioned by '{declared.PartitionedBy}', expected {(partitioned ? "fiscal_year (the lake's hive layout)" : "none")}");
            }

            if (partitioned && declared.Columns.Keys.Last() != "fiscal_year")
            {
                problems.Add($"{table}: the partition column fiscal_year must be declared last");
            }

            if (declared.Location != "${lake}/" + table)
            {
                problems.Add($"{table}: location '{declared.Location}', expected '${{lake}}/{table}'");
            }
        }

        Assert.True(problems.Count == 0, $"sql/engines/{engine}.sql is out of step with the warehouse:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EveryDeclaredTableAndColumnIsInTheWarehouse(string engine)
    {
        var ddl = Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "engines", engine + ".sql")));
        var warehouse = await WarehouseColumnsAsync();
        var stale = new List<string>();
        foreach (var (table, declared) in ddl)
        {
            if (!warehouse.TryGetValue(table, out var columns))
            {
                stale.Add(table);
                continue;
            }

            stale.AddRange(declared.Columns.Keys.Where(c => !columns.ContainsKey(c)).Select(c => $"{table}.{c}"));
        }

        Assert.True(stale.Count == 0, $"sql/engines/{engine}.sql declares what the warehouse does not have: {string.Join(", ", stale)}");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task CheckedInFileIsWhatTheCatalogGenerates(string engine)
    {
        // Regenerate with: dotnet run --project bench -- engines --engine ENGINE --out sql/engines/ENGINE.sql
        await using var db = new DuckDBConnection(seeds.ConnectionString);
        await db.OpenAsync();
        var generated = await EngineDdl.WriteAsync(db, engine, default);
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "engines", engine + ".sql"));
        Assert.Equal(generated.ReplaceLineEndings("\n"), checkedIn.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ParserReadsBothDialects()
    {
        var spark = Parse("""
            -- CREATE TABLE x.commented (a INT) USING PARQUET LOCATION 'no';
            CREATE TABLE IF NOT EXISTS budget_warehouse.fact_a (
                id     STRING,
                amount BIGINT,
                fiscal_year INT
            )
            USING PARQUET
            PARTITIONED BY (fiscal_year)
            LOCATION '${lake}/fact_a';
            """);
        var trino = Parse("""
            CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_b (
                id varchar,
                loaded_at timestamp(3)
            )
            WITH (format = 'PARQUET', external_location = '${lake}/dim_b');
            """);
        Assert.Equal(["fact_a"], spark.Keys);
        Assert.Equal(["id", "amount", "fiscal_year"], spark["fact_a"].Columns.Keys);
        Assert.Equal("BIGINT", spark["fact_a"].Columns["amount"]);
        Assert.Equal("fiscal_year", spark["fact_a"].PartitionedBy);
        Assert.Equal("${lake}/fact_a", spark["fact_a"].Location);
        Assert.Equal("TIMESTAMP(3)", trino["dim_b"].Columns["loaded_at"]);
        Assert.Null(trino["dim_b"].PartitionedBy);
        Assert.Equal("${lake}/dim_b", trino["dim_b"].Location);
    }

    internal sealed record DeclaredTable(Dictionary<string, string> Columns, string? PartitionedBy, string? Location);

    /// <summary>CREATE TABLE statements of a Spark or Trino DDL file: columns with their types, partition column, location.</summary>
    internal static Dictionary<string, DeclaredTable> Parse(string ddl)
    {
        var text = LineComment().Replace(ddl, "");
        var result = new Dictionary<string, DeclaredTable>(StringComparer.Ordinal);
        foreach (var statement in text.Split(';'))
        {
            var create = CreateTable().Match(statement);
            if (!create.Success)
            {
                continue;
            }

            var name = create.Groups["name"].Value.Split('.')[^1].ToLowerInvariant();
            var body = ColumnList(statement, create.Index + create.Length - 1);
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in SplitTopLevel(body))
            {
                var m = ColumnDefinition().Match(part.Trim());
                if (m.Success)
                {
                    columns[m.Groups["col"].Value.ToLowerInvariant()] = Regex.Replace(m.Groups["type"].Value, @"\s+", "").ToUpperInvariant();
                }
            }

            var partition = SparkPartition().Match(statement) is { Success: true } sp ? sp.Groups[1].Value
                : TrinoPartition().Match(statement) is { Success: true } tp ? tp.Groups[1].Value : null;
            var location = Location().Match(statement) is { Success: true } loc ? loc.Groups[1].Value : null;
            result[name] = new DeclaredTable(columns, partition?.ToLowerInvariant(), location);
        }

        return result;
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> WarehouseColumnsAsync()
    {
        await using var db = new DuckDBConnection(seeds.ConnectionString);
        await db.OpenAsync();
        var rows = await db.QueryAsync<(string Table, string Column, string Type)>("""
            select c.table_name, c.column_name, c.data_type
            from duckdb_columns() as c
            inner join duckdb_tables() as t on t.table_name = c.table_name and t.schema_name = c.schema_name
            where c.schema_name = 'main' and not t.temporary
            order by c.table_name, c.column_index
            """);
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (table, column, type) in rows)
        {
            if (!result.TryGetValue(table, out var columns))
            {
                result[table] = columns = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            columns[column] = type;
        }

        return result;
    }

    private static string ColumnList(string statement, int open)
    {
        var depth = 0;
        for (var i = open; i < statement.Length; i++)
        {
            depth += statement[i] == '(' ? 1 : statement[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return statement[(open + 1)..i];
            }
        }

        throw new FormatException("unbalanced parentheses in: " + statement);
    }

    private static IEnumerable<string> SplitTopLevel(string body)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] == '(' ? 1 : body[i] == ')' ? -1 : 0;
            if (body[i] == ',' && depth == 0)
            {
                yield return body[start..i];
                start = i + 1;
            }
        }

        yield return body[start..];
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"create\s+(?:external\s+)?table\s+(?:if\s+not\s+exists\s+)?(?<name>[\w.]+)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^(?<col>[A-Za-z_]\w*)\s+(?<type>[A-Za-z_]\w*(?:\s*\([\d,\s]+\))?)", RegexOptions.Singleline)]
    private static partial Regex ColumnDefinition();

    [GeneratedRegex(@"partitioned\s+by\s*\(\s*(\w+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SparkPartition();

    [GeneratedRegex(@"partitioned_by\s*=\s*array\s*\[\s*'(\w+)'\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex TrinoPartition();

    [GeneratedRegex(@"(?:location|external_location\s*=)\s*'([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex Location();
}
