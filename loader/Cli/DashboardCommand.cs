using System.CommandLine;
using System.Net;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class DashboardCommand
{
    public static Option<string> AddressOption { get; } = new("--address")
    {
        Description = "Address to listen on. Default: 127.0.0.1 (this computer only); 0.0.0.0 serves the network.",
        DefaultValueFactory = _ => "127.0.0.1",
        Validators = { r => { if (!IPAddress.TryParse(r.GetValueOrDefault<string>(), out _)) { r.AddError($"--address: '{r.GetValueOrDefault<string>()}' is not an IP address"); } } },
    };

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on. Default: 5080; 0 takes a free one.", DefaultValueFactory = _ => 5080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError($"--port: {r.GetValueOrDefault<int>()} is not a port (0-65535)");
            }
        });
        var command = new Command("dashboard", "Serve the interactive dashboard of the current snapshot in the browser (overview, policies, year over year, departments, plan progress): slicers, cross-filtering charts, drill-down, rows with their sources, CSV export. Read-only; prints its address; Ctrl+C stops.");
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(BwCommandLine.SeedsOption);
        command.Options.Add(port);
        command.Options.Add(AddressOption);
        command.SetAction((result, ct) =>
            BwCommandLine.RunWorkerAsync<DashboardWorker>(result, ct, s => s.AddSingleton(new DashboardRequest(result.GetValue(port), result.GetValue(AddressOption)!))));
        return command;
    }
}
