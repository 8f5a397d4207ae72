using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.PowerBi;

/// <summary>One column of a warehouse table as the catalog describes it.</summary>
internal sealed record CatalogColumn(string Name, string DuckDbType, string? Description);

/// <summary>One warehouse table with its columns in order; its key is the first column (the warehouse's convention).</summary>
internal sealed record CatalogTable(string Name, string? Description, IReadOnlyList<CatalogColumn> Columns)
{
    public string Key => Columns[0].Name;

    public bool Has(string column) => Columns.Any(c => c.Name == column);
}

/// <summary>Reads the snapshot's catalog (sql/powerbi/catalog.sql): tables, columns, types and COMMENT ON texts.</summary>
internal static class SemanticCatalog
{
    public static async Task<IReadOnlyList<CatalogTable>> ReadAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Table, string? TableComment, string Column, int Index, string Type, string? ColumnComment)>(
            new CommandDefinition(SqlScripts.Read(Path.Combine("powerbi", "catalog.sql")), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows
            .GroupBy(r => r.Table, StringComparer.Ordinal)
            .Select(g => new CatalogTable(g.Key, Blank(g.First().TableComment), [.. g.OrderBy(r => r.Index).Select(r => new CatalogColumn(r.Column, r.Type, Blank(r.ColumnComment)))]))];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
