using System.CommandLine;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BudgetWarehouse.Loader.Cli;

/// <summary>The <c>bw</c> command line: each verb runs a worker on the Generic Host.</summary>
internal static class BwCommandLine
{
    public static Option<string?> SeedsOption { get; } = new("--seeds") { Description = "Seeds folder (documents/, manifest.csv, reference/). Default: ./seeds" };

    public static Option<string?> WarehouseOption { get; } = new("--warehouse") { Description = "Warehouse folder (snapshots, budget.duckdb, parquet/). Default: ./warehouse" };

    /// <summary>Every verb: debug logging, and the stack trace of an unexpected failure (otherwise one <c>error:</c> line).</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose") { Description = "Log in detail, with the stack trace of an unexpected error", Recursive = true };

    /// <summary>Runs the verb; a bad option or an unreadable file given on the command line is one line and exit 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("BudgetWarehouse: Japanese municipal budget and plan documents → DuckDB star schema + Parquet lake.");
        root.Options.Add(VerboseOption);
        // One line per verb; each verb lives in its own XxxCommand.cs.
        root.Subcommands.Add(LoadCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(DepartmentsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(PowerBiCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        return root;
    }

    /// <summary>Builds the host with the verb's flags layered over appsettings.json and environment variables, then runs the worker.</summary>
    public static async Task<int> RunWorkerAsync<TWorker>(ParseResult result, CancellationToken cancellationToken, Action<IServiceCollection>? configure = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
        where TWorker : class, IHostedService
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(SeedsOption) is { } seeds)
        {
            overrides[$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Seeds)}"] = seeds;
        }

        if (result.GetValue(WarehouseOption) is { } warehouse)
        {
            overrides[$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Warehouse)}"] = warehouse;
        }

        if (result.GetValue(VerboseOption))
        {
            overrides["Logging:LogLevel:BudgetWarehouse"] = "Debug";
        }

        foreach (var kv in settings ?? [])
        {
            overrides[kv.Key] = kv.Value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddBudgetWarehouse();
        configure?.Invoke(builder.Services);
        builder.Services.AddHostedService<TWorker>();
        Environment.ExitCode = 0;
        using var host = builder.Build();
        var verbs = host.Services.GetServices<IHostedService>().OfType<OneShotWorker>().ToList();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);

        // RunAsync disposes the host, which drains the console logger's queue: written now, the one-line
        // error is the last line on stderr, after the stack trace that --verbose logs.
        if (verbs.Select(v => v.FailureLine).FirstOrDefault(l => l is not null) is { } failure)
        {
            await Console.Error.WriteLineAsync(failure).ConfigureAwait(false);
        }

        return Environment.ExitCode;
    }
}
