using System.Threading.Channels;
using BudgetWarehouse.Loader.Transform.Lineage;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// Keeps bridge_initiative_lineage in step with the facts, one series (a municipality's documents of one family)
/// at a time. In a database copied from the previous snapshot, the series recomputed are those the load added a
/// document to or removed one from (<see cref="SnapshotChanges"/>); otherwise those where one of its items has no
/// lineage row, a lineage row's initiative is gone, or an initiative's year, municipality or family is no longer
/// the one its row was computed with, so a fresh database computes every series. Items stream from DuckDB in series order on a second connection, series are linked in parallel
/// (<see cref="SeriesLinker"/>), and rows go back through the appender, so memory stays bounded by the largest
/// series whatever the size of the warehouse.
/// </summary>
internal static class LineageLoad
{
    public const string Table = "bridge_initiative_lineage";

    /// <summary>Up to this many documents to recompute are listed in the query that reads their items.</summary>
    private const int MaxListedDocuments = 1000;

    /// <summary>
    /// Recomputes the series whose items changed: those <paramref name="changes"/> names when the database is a copy of
    /// the previous snapshot, every series when it is fresh, and without <paramref name="changes"/> every series whose
    /// rows disagree with the facts. Records the lineage partitions it
    /// rewrites in <paramref name="changes"/>, and leaves the series in <see cref="PendingTable"/>. Returns the number of
    /// series and of rows written.
    /// </summary>
    public static async Task<(int Series, long Rows)> RefreshAsync(DuckDBConnection connection, int parallelism, CancellationToken cancellationToken, SnapshotChanges? changes = null,
        Action<string, TimeSpan>? timed = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var documentFilter = await FindPendingAsync(connection, changes, cancellationToken).ConfigureAwait(false);
        timed?.Invoke("lineage: find the series to recompute", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The lake partitions this rewrites: the years of each series' rows, from its earliest changed year on.
        changes?.AddFiles(Table, (await connection.QueryAsync<(string, string, int, string)>(new CommandDefinition(
            $"select distinct s.municipality_key, s.family, b.fiscal_year, {ParquetExporter.FileGroupSql("b.initiative_id")} from bridge_initiative_lineage as b inner join lineage_pending as s on coalesce(b.municipality, '') = s.municipality_key and b.family = s.family",
            cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Where(r => r.Item3 >= changes.EarliestChangedYear(r.Item1, r.Item2)).Select(r => (r.Item3, r.Item4)));
        await ExecuteAsync(connection, """
            delete from bridge_initiative_lineage as b
            using lineage_pending as s
            where coalesce(b.municipality, '') = s.municipality_key and b.family = s.family;
            """, cancellationToken).ConfigureAwait(false);

        timed?.Invoke("lineage: delete their rows", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (count, rows) = await LinkAsync(connection, parallelism, documentFilter, changes, cancellationToken).ConfigureAwait(false);
        timed?.Invoke($"lineage: read, link and append ({count:N0} series, {rows:N0} rows)", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return (count, rows);
    }

    /// <summary>
    /// The table naming the series <see cref="RefreshAsync"/> recomputed (municipality_key = coalesce(municipality, ''),
    /// family). It stays in the database for what is derived from the lineage series by series (sql/aggregate) until
    /// <see cref="DropPendingAsync"/>.
    /// </summary>
    public const string PendingTable = "lineage_pending";

    /// <summary>Drops <see cref="PendingTable"/>, so that it never reaches a published snapshot.</summary>
    public static Task DropPendingAsync(DuckDBConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"drop table if exists {PendingTable}", cancellationToken);

    /// <summary>
    /// Fills lineage_pending with the series to recompute; returns the filter on fact_initiative's documents that
    /// selects their items (a list when they are few, so that the scan filters before reading texts).
    /// </summary>
    private static async Task<string> FindPendingAsync(DuckDBConnection connection, SnapshotChanges? changes, CancellationToken cancellationToken)
    {
        if (changes is { Everything: false })
        {
            await ExecuteAsync(connection, "create or replace table lineage_pending (municipality_key varchar not null, family varchar not null)", cancellationToken).ConfigureAwait(false);
            using (var appender = connection.CreateAppender("lineage_pending"))
            {
                foreach (var (municipality, family) in changes.Series)
                {
                    appender.CreateRow().AppendValue(municipality).AppendValue(family).EndRow();
                }
            }

            // The documents of those series: written out when they are few, so that the scan of fact_initiative filters
            // on them before reading texts; joined when they are many.
            var documents = (await connection.QueryAsync<string>(new CommandDefinition(
                "select d.document_id from dim_document as d inner join lineage_pending as s on s.municipality_key = coalesce(d.municipality, '') and s.family = d.family",
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            return documents.Count == 0 ? "false"
                : documents.Count <= MaxListedDocuments ? $"i.document_id in ({SnapshotChanges.IdList(documents)})"
                : "true";
        }
        else if (changes is { Everything: true })
        {
            // A fresh database: every series.
            await ExecuteAsync(connection,
                "create or replace table lineage_pending as select distinct coalesce(municipality, '') as municipality_key, family from dim_document",
                cancellationToken).ConfigureAwait(false);
            return "true";
        }
        else
        {
            await ExecuteAsync(connection, """
                create or replace temporary table lineage_items as
                select i.initiative_id, coalesce(d.municipality, '') as municipality_key, d.family, d.fiscal_year
                from fact_initiative as i
                inner join dim_document as d using (document_id)
                where i.kind = 'item' and not i.is_relisted;

                create or replace table lineage_pending as
                select i.municipality_key, i.family
                from lineage_items as i
                left join bridge_initiative_lineage as b using (initiative_id)
                where b.initiative_id is null
                    or b.fiscal_year <> i.fiscal_year or coalesce(b.municipality, '') <> i.municipality_key or b.family <> i.family
                union
                select coalesce(b.municipality, ''), b.family
                from bridge_initiative_lineage as b
                left join lineage_items as i using (initiative_id)
                where i.initiative_id is null
                    or b.fiscal_year <> i.fiscal_year or coalesce(b.municipality, '') <> i.municipality_key or b.family <> i.family;

                drop table lineage_items;
                """, cancellationToken).ConfigureAwait(false);
            return "true";
        }
    }

    /// <summary>Reads, links (in parallel) and appends the pending series in order; returns the number of series and rows.</summary>
    private static async Task<(int Series, long Rows)> LinkAsync(DuckDBConnection connection, int parallelism, string documentFilter, SnapshotChanges? changes, CancellationToken cancellationToken)
    {
        var series = Channel.CreateBounded<Series>(new BoundedChannelOptions(Math.Max(2, parallelism * 4)) { SingleWriter = true });
        var linked = Channel.CreateBounded<(int Index, List<BridgeInitiativeLineageRow> Rows)>(new BoundedChannelOptions(Math.Max(2, parallelism * 4)) { SingleReader = true });
        var reader = Task.Run(() => ReadSeriesAsync(connection, documentFilter, series.Writer, cancellationToken), cancellationToken);
        var linkers = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(series.Reader.ReadAllAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                    async (s, ct) => await linked.Writer.WriteAsync((s.Index, SeriesLinker.Link(s.Municipality, s.Family, s.Years)), ct).ConfigureAwait(false)).ConfigureAwait(false);
            }
            finally
            {
                linked.Writer.Complete();
            }
        }, cancellationToken);

        var count = 0;
        long rows = 0;
        try
        {
            using var appender = connection.CreateAppender(Table);
            await foreach (var batch in linked.Reader.ReadAllAsync(cancellationToken).ReadInOrderAsync().ConfigureAwait(false))
            {
                foreach (var row in batch)
                {
                    RowAppender<BridgeInitiativeLineageRow>.Append(appender.CreateRow(), row);
                }

                changes?.AddFiles(Table, batch.Where(r => r.FiscalYear >= changes.EarliestChangedYear(r.Municipality ?? "", r.Family)).Select(r => (r.FiscalYear, ParquetExporter.FileGroup(r.InitiativeId))).Distinct());
                count++;
                rows += batch.Count;
            }
        }
        catch (InvalidOperationException) when (reader.IsFaulted || linkers.IsFaulted)
        {
            // A series missing because reading or linking failed: report that failure, not the gap it left.
            await Task.WhenAll(reader, linkers).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(reader, linkers).ConfigureAwait(false);

        return (count, rows);
    }

    /// <summary>
    /// Streams the items of the series to recompute, grouped by series and year, on a second connection (the first
    /// one appends meanwhile); the series to recompute are therefore in a table, not a connection-local temporary one.
    /// </summary>
    private static async Task ReadSeriesAsync(DuckDBConnection connection, string documentFilter, ChannelWriter<Series> writer, CancellationToken cancellationToken)
    {
        try
        {
            await using var reading = new DuckDBConnection(connection.ConnectionString);
            await reading.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = reading.CreateCommand();
            command.UseStreamingMode = true;
            command.CommandText = $"""
                select d.municipality, d.family, d.fiscal_year, i.initiative_id, i.seq, p.theme, i.text
                from fact_initiative as i
                inner join dim_document as d using (document_id)
                inner join lineage_pending as s on s.municipality_key = coalesce(d.municipality, '') and s.family = d.family
                left join dim_policy as p on p.policy_id = i.policy_id
                where i.kind = 'item' and not i.is_relisted and {documentFilter}
                order by s.municipality_key, d.family, d.fiscal_year, i.seq, i.initiative_id
                """;
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            Series? current = null;
            List<LineageItem>? items = null;
            var year = 0;
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var municipality = rows.IsDBNull(0) ? null : rows.GetString(0);
                var family = rows.GetString(1);
                var fiscalYear = rows.GetInt32(2);
                if (current is null || (current.Municipality ?? "") != (municipality ?? "") || current.Family != family)
                {
                    if (current is not null)
                    {
                        await writer.WriteAsync(current, cancellationToken).ConfigureAwait(false);
                    }

                    current = new Series(current is null ? 0 : current.Index + 1, municipality, family, []);
                    items = null;
                }

                if (items is null || fiscalYear != year)
                {
                    items = [];
                    year = fiscalYear;
                    current.Years.Add(new LineageYear(fiscalYear, items));
                }

                items.Add(new LineageItem(rows.GetString(3), rows.GetInt32(4), rows.IsDBNull(5) ? null : rows.GetString(5), rows.GetString(6)));
            }

            if (current is not null)
            {
                await writer.WriteAsync(current, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Series(int Index, string? Municipality, string Family, List<LineageYear> Years);
}
