using System.Text.Json;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Analysis;
using Dapper;
using Microsoft.AspNetCore.Http;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>The handlers behind the dashboard's routes. Each request leases one connection to the current snapshot.</summary>
internal sealed partial class DashboardEndpoints(SnapshotConnections connections, IReadOnlyList<string> seedsFolders)
{
    public static Task PageAsync(HttpContext context, DashboardPage page) =>
        Html(context, StatusCodes.Status200OK, DashboardHtml.Page(page));

    /// <summary>The page's data: slicer choices, each visual's rows and the rows behind the selection (first <see cref="DashboardQueries.TableLimit"/>).</summary>
    public async Task DataAsync(HttpContext context, string pageName)
    {
        if (DashboardPage.Find(pageName) is not { } page)
        {
            await Error(context, StatusCodes.Status404NotFound, $"no dashboard page '{pageName}'").ConfigureAwait(false);
            return;
        }

        if (await SelectionAsync(context).ConfigureAwait(false) is not { } filter)
        {
            return;
        }

        var ct = context.RequestAborted;
        await using var lease = await LeaseAsync(context).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        var slicers = await DashboardQueries.RunAsync(lease, "slicers", filter, 0, ct).ConfigureAwait(false);
        var visuals = new List<QueryResult>();
        foreach (var name in page.Visuals)
        {
            visuals.Add(await DashboardQueries.RunAsync(lease, name, filter, 0, ct).ConfigureAwait(false));
        }

        var rows = await DashboardQueries.RunAsync(lease, page.Rows, filter, DashboardQueries.TableLimit + 1, ct).ConfigureAwait(false);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("snapshot", lease.SnapshotId);
        json.WriteString("page", page.Name);
        json.WriteStartObject("slicers");
        foreach (var group in slicers.Rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal))
        {
            json.WriteStartArray(group.Key);
            foreach (var r in group)
            {
                json.WriteStringValue((string?)r[1]);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("visuals");
        foreach (var v in visuals)
        {
            json.WritePropertyName(v.Name);
            DashboardJson.WriteResult(json, v);
        }

        json.WriteEndObject();
        json.WritePropertyName("rows");
        DashboardJson.WriteResult(json, rows with { Rows = [.. rows.Rows.Take(DashboardQueries.TableLimit)] });
        json.WriteBoolean("truncated", rows.Rows.Count > DashboardQueries.TableLimit);
        json.WriteNumber("limit", DashboardQueries.TableLimit);
        json.WriteEndObject();
    }

    /// <summary>The rows behind the page's selection as CSV (UTF-8 with BOM).</summary>
    public async Task ExportAsync(HttpContext context, string pageName)
    {
        if (DashboardPage.Find(pageName) is not { } page)
        {
            await Error(context, StatusCodes.Status404NotFound, $"no dashboard page '{pageName}'").ConfigureAwait(false);
            return;
        }

        if (await SelectionAsync(context).ConfigureAwait(false) is not { } filter)
        {
            return;
        }

        await using var lease = await LeaseAsync(context).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        var rows = await DashboardQueries.RunAsync(lease, page.Rows, filter, DashboardQueries.ExportLimit, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"budgetwarehouse-{page.Name}-{lease.SnapshotId}.csv\"";
        await context.Response.Body.WriteAsync(DashboardJson.Csv(rows), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary><c>bw explain</c>'s view of one fact, as a page.</summary>
    public async Task ExplainAsync(HttpContext context, string id)
    {
        if (!FactId().IsMatch(id))
        {
            await Html(context, StatusCodes.Status400BadRequest, DashboardHtml.Explain(id, null, "not a fact id")).ConfigureAwait(false);
            return;
        }

        await using var lease = await LeaseAsync(context).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        var loadedFrom = await lease.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select seeds_path from etl_run order by started_at desc limit 1", cancellationToken: context.RequestAborted)).ConfigureAwait(false);
        using var text = new StringWriter();
        var found = await Explainer.ExplainAsync(lease.Connection, id, loadedFrom is null ? seedsFolders : [.. seedsFolders, loadedFrom], text, context.RequestAborted).ConfigureAwait(false);
        await Html(context, found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound,
            DashboardHtml.Explain(id, found ? text.ToString() : null, found ? null : $"no fact or policy has the id '{id}' in snapshot {lease.SnapshotId}")).ConfigureAwait(false);
    }

    private static async Task<DashboardFilter?> SelectionAsync(HttpContext context)
    {
        var (filter, error) = DashboardFilter.Parse(name => context.Request.Query[name].FirstOrDefault());
        if (error is not null)
        {
            await Error(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
        }

        return filter;
    }

    private async Task<SnapshotLease?> LeaseAsync(HttpContext context)
    {
        try
        {
            return await connections.LeaseAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await Error(context, StatusCodes.Status503ServiceUnavailable, ex.Message).ConfigureAwait(false);
            return null;
        }
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("error: " + message, context.RequestAborted);
    }

    private static Task Html(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>Ids as the warehouse writes them (hex, letters, digits, '-', '/', '.', '_'): nothing else reaches explain.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_./-]{0,199}$")]
    private static partial Regex FactId();
}
