using System.CommandLine;
using BudgetWarehouse.Loader.Verbs;

namespace BudgetWarehouse.Loader.Cli;

internal static class DepartmentsCommand
{
    public static Option<bool> AllOption { get; } = new("--all") { Description = "Also list every initiative with its department, method and evidence (for reviewing the rules)." };

    public static Command Create()
    {
        var command = new Command("departments", "Department coverage of the current snapshot: per municipality the initiatives assigned explicitly, by rule, by their budget function only or not at all; per document the initiatives assigned explicitly, by rule and left unknown, then the unknown items with the reason (so the rules in seeds/reference/ can be extended), the department rows documents created or ended, and the policy nodes per theme.");
        command.Options.Add(BwCommandLine.WarehouseOption);
        command.Options.Add(AllOption);
        command.SetAction((result, ct) => BwCommandLine.RunWorkerAsync<DepartmentsWorker>(result, ct,
            settings: [new($"{DepartmentsWorker.Section}:All", result.GetValue(AllOption) ? "true" : "false")]));
        return command;
    }
}
