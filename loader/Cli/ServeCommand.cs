using System.CommandLine;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetWarehouse.Loader.Cli;

internal static class ServeCommand
{
    private static readonly Option<int?> Debounce = new("--debounce-ms") { Description = "Quiet time after the last file change before reloading, in milliseconds. Default: 1000 (Serve:DebounceMilliseconds)" };

    private static readonly Option<int?> Http = new("--http") { Description = "Also serve the dashboard (bw dashboard) on this port of 127.0.0.1; each page request reads the snapshot current then." };

    private static readonly Option<int?> Rescan = new("--rescan-seconds") { Description = "Seconds between full rescans of the seeds folder. Default: 60 (Serve:RescanSeconds)" };

    public static Command Create()
    {
        var command = new Command("serve", "Keep the warehouse current: load, then watch the seeds folder and reload what changed, publishing a new snapshot each time. Stops on SIGTERM or Ctrl+C (exit 0); exit 1 on a fatal error. Runs as a systemd service (Type=notify).");
        command.Options.Add(BwCommandLine.SeedsOption);
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(Debounce);
        command.Options.Add(Rescan);
        command.Options.Add(Http);
        command.SetAction((result, ct) =>
        {
            var settings = new Dictionary<string, string?>();
            if (result.GetValue(Debounce) is { } debounce)
            {
                settings[$"{ServeOptions.Section}:{nameof(ServeOptions.DebounceMilliseconds)}"] = debounce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (result.GetValue(Rescan) is { } rescan)
            {
                settings[$"{ServeOptions.Section}:{nameof(ServeOptions.RescanSeconds)}"] = rescan.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return BwCommandLine.RunWorkerAsync<ServeWorker>(result, ct, services =>
            {
                services.AddSystemd();
                services.AddServeOptions();
                if (result.GetValue(Http) is { } port)
                {
                    services.AddSingleton(new DashboardRequest(port));
                    services.AddHostedService<DashboardWorker>();
                }
            }, settings);
        });
        return command;
    }
}
