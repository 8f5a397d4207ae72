using System.Net;
using BudgetWarehouse.Loader.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>
/// The dashboard's web server (ASP.NET Core's Kestrel): the five pages, their JSON and CSV endpoints, the explain
/// view and the static assets, on the loopback address unless told otherwise.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SnapshotConnections _connections;

    private DashboardServer(WebApplication app, SnapshotConnections connections)
    {
        _app = app;
        _connections = connections;
    }

    /// <summary>The address it listens on, e.g. http://127.0.0.1:5080/ (known after <see cref="StartAsync"/>).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>Folder of the pages' static files (copied next to the executable).</summary>
    public static string AssetsFolder => Path.Combine(AppContext.BaseDirectory, "dashboard");

    /// <summary>Builds the server; <paramref name="port"/> 0 takes a free port.</summary>
    public static DashboardServer Create(SnapshotStore store, IReadOnlyList<string> seedsFolders, IPAddress address, int port, ILoggerProvider? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        var app = builder.Build();
        var connections = new SnapshotConnections(store);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(AssetsFolder),
            RequestPath = "/assets",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        var endpoints = new DashboardEndpoints(connections, seedsFolders);
        foreach (var page in DashboardPage.All)
        {
            app.MapGet(page.Path, (HttpContext context) => DashboardEndpoints.PageAsync(context, page));
        }

        app.MapGet("/api/{page}", (HttpContext context, string page) => endpoints.DataAsync(context, page));
        app.MapGet("/export/{page}.csv", (HttpContext context, string page) => endpoints.ExportAsync(context, page));
        app.MapGet("/explain/{**id}", (HttpContext context, string id) => endpoints.ExplainAsync(context, id));
        return new DashboardServer(app, connections);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        await _connections.DisposeAsync().ConfigureAwait(false);
    }
}
