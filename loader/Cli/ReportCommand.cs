using System.CommandLine;
using System.Globalization;
using BudgetWarehouse.Loader.Verbs;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetWarehouse.Loader.Cli;

internal static class ReportCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "HTML file to write. Default: ./report.html", DefaultValueFactory = _ => "report.html" };
        var asOfOption = new Option<string?>("--as-of")
        {
            Description = "Show milestones ending on or after this date (yyyy-MM-dd). Default: each document's own fiscal-year start.",
        };
        asOfOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } s && !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                r.AddError($"--as-of: '{s}' is not a date in the form yyyy-MM-dd");
            }
        });

        var command = new Command("report", "Write a self-contained HTML report of the current snapshot: charts (initiatives per theme and year, money by pillar, achievement per policy, upcoming milestones) and tables with their source lines. Exit 0: written; 1: no snapshot or an error.");
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(outOption);
        command.Options.Add(asOfOption);
        command.SetAction((result, ct) =>
        {
            var asOf = result.GetValue(asOfOption) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            var request = new ReportRequest(result.GetValue(outOption)!, asOf);
            return BwCommandLine.RunWorkerAsync<ReportWorker>(result, ct, services => services.AddSingleton(request));
        });
        return command;
    }
}
