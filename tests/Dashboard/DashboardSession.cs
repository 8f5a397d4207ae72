using System.Net;
using System.Text.Json.Nodes;
using BudgetWarehouse.Loader.Dashboard;
using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Tests.Dashboard;

/// <summary>The dashboard served on a free loopback port over a warehouse, with a browser when asked for.</summary>
internal sealed class DashboardSession : IAsyncDisposable
{
    private DashboardSession(DashboardServer server, DevToolsBrowser? browser)
    {
        Server = server;
        Browser = browser!;
    }

    public DashboardServer Server { get; }

    public DevToolsBrowser Browser { get; }

    public Uri Address => Server.Address;

    public string Url(string pathAndQuery) => new Uri(Address, pathAndQuery).AbsoluteUri;

    public static async Task<DashboardSession> StartAsync(string warehouseDir, bool browser = true)
    {
        var server = DashboardServer.Create(new SnapshotStore(warehouseDir), [TestPaths.Seeds], IPAddress.Loopback, 0);
        await server.StartAsync(CancellationToken.None);
        try
        {
            return new DashboardSession(server, browser ? await DevToolsBrowser.LaunchAsync() : null);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The JSON a page's script reads.</summary>
    public async Task<JsonNode> ApiAsync(string page, string query = "")
    {
        using var http = new HttpClient();
        return JsonNode.Parse(await http.GetStringAsync(Url($"/api/{page}{query}")))!;
    }

    /// <summary>Rows of one result of the JSON, as column → value.</summary>
    public static List<Dictionary<string, JsonNode?>> Rows(JsonNode result)
    {
        var columns = result["columns"]!.AsArray().Select(c => (string)c!).ToList();
        return [.. result["rows"]!.AsArray().Select(r => columns.Select((c, i) => (c, r![i]?.DeepClone())).ToDictionary(x => x.c, x => x.Item2))];
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
