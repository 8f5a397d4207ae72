namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>One page of the dashboard: its visuals' queries and the query of the rows behind its selection.</summary>
internal sealed record DashboardPage(string Path, string Name, string Title, IReadOnlyList<string> Visuals, string Rows)
{
    public static readonly IReadOnlyList<DashboardPage> All =
    [
        new("/", "overview", "概要", ["overview_years", "overview_themes"], "items"),
        new("/policies", "policies", "施策ドリルダウン", ["policy_tree", "overview_years"], "items"),
        new("/yoy", "yoy", "前年度比較", ["yoy_status", "money_years"], "yoy_rows"),
        new("/departments", "departments", "部局別", ["departments", "department_versions"], "items"),
        new("/plan", "plan", "計画進捗", ["plan_achievement", "plan_status"], "plan_rows"),
    ];

    public static DashboardPage? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
