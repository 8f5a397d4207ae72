return await BudgetWarehouse.Loader.Cli.BwCommandLine.RunAsync(args);
