using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// What a load changed in a database copied from the previous snapshot: the series (municipality and family) and the
/// lake files (fiscal year and file group, <see cref="ParquetExporter.FileGroup"/>) of each table that gained or lost
/// rows. The cross-year lineage is recomputed for those series only, and only those files are written to Parquet
/// again; the rest of the lake is linked from the previous snapshot. A database built fresh changes everything
/// (<see cref="Everything"/>).
/// </summary>
internal sealed partial class SnapshotChanges
{
    private readonly Dictionary<(string MunicipalityKey, string Family), int> _series = [];
    private readonly HashSet<(string Table, int FiscalYear, string Group)> _files = [];

    private SnapshotChanges(bool everything) => Everything = everything;

    /// <summary>A fresh database: every series and every partition is new.</summary>
    public static SnapshotChanges All => new(everything: true);

    /// <summary>A copy of the previous snapshot's database, changed document by document.</summary>
    public static SnapshotChanges Incremental() => new(everything: false);

    public bool Everything { get; }

    /// <summary>Series with a document added or removed, as (coalesce(municipality, ''), family).</summary>
    public IReadOnlyCollection<(string MunicipalityKey, string Family)> Series => _series.Keys;

    /// <summary>
    /// The earliest fiscal year of a document added to or removed from the series. A series' lineage rows of earlier
    /// years depend only on earlier years, so they come out of a recomputation as they were.
    /// </summary>
    public int EarliestChangedYear(string municipalityKey, string family) =>
        _series.TryGetValue((municipalityKey, family), out var year) ? year : int.MinValue;

    /// <summary>The lake files of <paramref name="table"/> to write again, as (fiscal year, file group).</summary>
    public IEnumerable<(int FiscalYear, string Group)> Files(string table) =>
        _files.Where(f => f.Table == table).Select(f => (f.FiscalYear, f.Group));

    /// <summary>Records lake files to write again, as (fiscal year, file group).</summary>
    public void AddFiles(string table, IEnumerable<(int FiscalYear, string Group)> files)
    {
        foreach (var (year, group) in files)
        {
            _files.Add((table, year, group));
        }
    }

    /// <summary>
    /// Records the series and partitions of the given documents' rows as they are in the database now: call it before
    /// deleting them and after appending them.
    /// </summary>
    public async Task AddDocumentsAsync(DuckDBConnection connection, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        if (Everything)
        {
            return;
        }

        var ids = documentIds.ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // A list parameter joined as a table: an IN over thousands of literals would be tested row by row.
        var filter = "document_id in (select unnest(string_split($ids, ',')))";
        var parameters = new { ids = string.Join(',', ids) };
        foreach (var (municipality, family, year) in await connection.QueryAsync<(string, string, int)>(new CommandDefinition(
            $"select coalesce(municipality, ''), family, min(fiscal_year) from dim_document where {filter} group by all", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            _series[(municipality, family)] = _series.TryGetValue((municipality, family), out var earlier) ? Math.Min(earlier, year) : year;
        }

        var tables = await connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_columns() where database_name = current_database() and schema_name = 'main' and column_name = 'document_id' " +
            "and table_name in (select table_name from duckdb_columns() where database_name = current_database() and schema_name = 'main' and column_name = 'fiscal_year') order by table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var table in tables)
        {
            AddFiles(table, await connection.QueryAsync<(int, string)>(new CommandDefinition(
                $"select distinct fiscal_year, {ParquetExporter.FileGroupSql("document_id")} from main.\"{table}\" where {filter}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// A SQL list of document ids. Ids are the loader's own (16 hex digits of the content hash); anything else is refused
    /// rather than written into SQL.
    /// </summary>
    public static string IdList(IEnumerable<string> documentIds) =>
        string.Join(',', documentIds.Select(id => DocumentId().IsMatch(id) ? $"'{id}'" : throw new ArgumentException($"not a document id: {id}", nameof(documentIds))));

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex DocumentId();
}
