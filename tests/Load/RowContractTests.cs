using System.Globalization;
using System.Reflection;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// The row records are the appender's contract with sql/schema: each record's properties, in declaration order,
/// are its table's columns in DDL order, at the DuckDB type the property's CLR type maps to; and the mapping
/// compiled from a record writes each property into the column of the same name.
/// </summary>
public sealed class RowContractTests
{
    /// <summary>DuckDB column type of each CLR property type (nullable or not).</summary>
    private static readonly Dictionary<Type, string> DuckDbType = new()
    {
        [typeof(string)] = "VARCHAR",
        [typeof(int)] = "INTEGER",
        [typeof(long)] = "BIGINT",
        [typeof(double)] = "DOUBLE",
        [typeof(bool)] = "BOOLEAN",
        [typeof(DateOnly)] = "DATE",
        [typeof(DateTime)] = "TIMESTAMP",
    };

    public static TheoryData<string> Records() => [.. RowRecords().Select(t => t.Name)];

    [Fact]
    public void EveryAppendedTableHasARecord()
    {
        // The tables WarehouseWriter and LineageLoad append to; a record per table is what keeps them in one place.
        var tables = RowRecords().Select(TableOf).ToHashSet(StringComparer.Ordinal);
        string[] appended = ["dim_document", "dim_policy", "fact_initiative", "fact_measure", "fact_milestone", "fact_plan_achievement", "fact_plan_status", "fact_plan_transition", "etl_document", "bridge_initiative_lineage"];
        Assert.All(appended, t => Assert.Contains(t, tables));
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task RecordPropertiesAreTheTableColumnsInOrder(string record)
    {
        var type = RowRecords().Single(t => t.Name == record);
        await using var connection = await SchemaAsync();
        var columns = (await connection.QueryAsync<(string Name, string Type)>(
            "select column_name, data_type from duckdb_columns() where table_name = $t order by column_index", new { t = TableOf(type) })).ToList();
        Assert.NotEmpty(columns);
        var properties = RowColumns.Of(type).Select(p => (RowColumns.ColumnName(p), DuckDbType[Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType])).ToList();
        Assert.Equal(columns, properties);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task CompiledMappingWritesEachPropertyIntoItsColumn(string record)
    {
        var type = RowRecords().Single(t => t.Name == record);
        await using var connection = await SchemaAsync();
        var instance = Activator.CreateInstance(type)!;
        var properties = RowColumns.Of(type);
        // Computed (get-only) properties are columns too; they keep the value the record derives.
        foreach (var (property, i) in properties.Select((p, i) => (p, i)).Where(x => x.p.CanWrite))
        {
            property.SetValue(instance, DistinctValue(property.PropertyType, i));
        }

        typeof(RowContractTests).GetMethod(nameof(AppendOne), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type)
            .Invoke(null, [connection, TableOf(type), instance]);

        await using var command = connection.CreateCommand();
        command.CommandText = $"select * from {TableOf(type)}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < properties.Count; i++)
        {
            Assert.Equal(RowColumns.ColumnName(properties[i]), reader.GetName(i));
            Assert.Equal(Text(properties[i].GetValue(instance)), Text(reader.GetValue(i)));
        }
    }

    private static void AppendOne<T>(DuckDBConnection connection, string table, T row)
    {
        using var appender = connection.CreateAppender(table);
        RowAppender<T>.Append(appender.CreateRow(), row);
    }

    /// <summary>A value that differs from every other column's, so that a swapped pair of columns cannot pass.</summary>
    private static object DistinctValue(Type type, int i) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => $"v{i}",
        var t when t == typeof(int) => 1000 + i,
        var t when t == typeof(long) => 5_000_000_000L + i,
        var t when t == typeof(double) => i + 0.25,
        var t when t == typeof(bool) => i % 2 == 0,
        var t when t == typeof(DateOnly) => new DateOnly(2020, 1, 1).AddDays(i),
        var t when t == typeof(DateTime) => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
        var t => throw new NotSupportedException(t.Name),
    };

    private static string Text(object? value) => value switch
    {
        DateTime d => d.ToString("s", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    private static IEnumerable<Type> RowRecords() =>
        typeof(DimDocumentRow).Assembly.GetTypes().Where(t => t.IsPublic && t.Name.EndsWith("Row", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal);

    private static string TableOf(Type record) => RowColumns.SnakeCase(record.Name[..^"Row".Length]);

    private static async Task<DuckDBConnection> SchemaAsync()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await SqlScripts.RunFolderAsync(connection, "schema", CancellationToken.None);
        return connection;
    }
}
