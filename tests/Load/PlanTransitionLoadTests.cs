using BudgetWarehouse.Loader.Analysis;
using Dapper;

namespace BudgetWarehouse.Tests.Load;

/// <summary>
/// Status transitions (A←B:2件(No4,19): items that moved since the last report) through the whole load: one
/// fact_plan_transition row each, under the counts it is printed with (above or below them), both sides classed
/// by the status file and the report's legend, the item numbers kept as printed and normalised.
/// </summary>
public class PlanTransitionLoadTests
{
    // An invented report: a graded scheme with its legend and several transitions on the line below the counts
    // (with and without item numbers); word statuses with a transition above its counts; per-policy runs with a
    // transition under the first (grade letters without a legend: the letters of the status file). The transitions need not agree with the counts (C counts 4 but 5 items leave C).
    private const string Report = """
        架空市行財政改革プラン 取組状況
        令和6年3月末現在
        1 取組の評価
        評価 S=目標を上回って達成、A=目標を達成、B=一部達成、C=未着手
        S 3 A 20 B 8 C 4
        A←B:2件(No4,19)、S←A:1件(No.7) B←C 5件
        2 完了状況
        一部達成→達成:6件
        完了 10 取組中 15 未着手 2
        3 方針別の評価
        方針1 S:1、A:6、B:3
        B←C:1件(No 22)
        方針2 S:0、A:5、B:4
        """;

    [Fact]
    public async Task TransitionsLoadUnderTheirCountsWithClassesAndItemNumbers()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path, _ => false);
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.Delete(Path.Combine(seeds, "manifest.csv"));
        File.WriteAllText(Path.Combine(seeds, "documents", "transitions.txt"), Report);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.True(outcome.ExitCode == 0, string.Join("\n", outcome.Documents.Select(d => $"{d.FileName}: {d.Status} {d.Error} line {d.ErrorLine}")));
        var loaded = Assert.Single(outcome.Documents);
        Assert.Equal(("transitions.txt", "plan_progress"), (loaded.FileName, loaded.Family));

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var rows = (await db.QueryAsync<Row>(
            "select transition_id as Id, achievement_id as AchievementId, fiscal_year as FiscalYear, policy_id as PolicyId, row_kind as RowKind, " +
            "from_raw as FromRaw, from_meaning as FromMeaning, from_class as FromClass, from_rank as FromRank, " +
            "to_raw as ToRaw, to_meaning as ToMeaning, to_class as ToClass, to_rank as ToRank, item_count as ItemCount, " +
            "item_refs as ItemRefs, item_numbers as ItemNumbers, raw_text as RawText, source_page as SourcePage, source_line as SourceLine " +
            "from fact_plan_transition order by source_line, transition_id")).ToList();
        Assert.Equal(
            [
                ("B", "一部達成", "on_track", 3, "A", "目標を達成", "achieved", 2, 2, "No4,19", "4,19", "A←B:2件(No4,19)", 6),
                ("A", "目標を達成", "achieved", 2, "S", "目標を上回って達成", "achieved", 1, 1, "No.7", "7", "S←A:1件(No.7)", 6),
                ("C", "未着手", "not_started", 7, "B", "一部達成", "on_track", 3, 5, null, null, "B←C 5件", 6),
                ("一部達成", null, "on_track", 3, "達成", null, "achieved", 2, 6, null, null, "一部達成→達成:6件", 8),
                ("C", null, "delayed", 6, "B", null, "on_track", 3, 1, "No 22", "22", "B←C:1件(No 22)", 12),
            ],
            rows.Select(r => (r.FromRaw, r.FromMeaning, r.FromClass, r.FromRank, r.ToRaw, r.ToMeaning, r.ToClass, r.ToRank, r.ItemCount, r.ItemRefs, r.ItemNumbers, r.RawText, r.SourceLine)));
        Assert.All(rows, r => Assert.Equal((2023, (int?)null), (r.FiscalYear, r.SourcePage)));

        // Each transition sits under the counts it is printed with: below them, above them, or under a policy's run.
        var owners = (await db.QueryAsync<(string Id, string Kind, string? Policy, string Counts)>(
            "select t.transition_id, a.row_kind, a.policy_id, string_agg(s.status_raw || '=' || s.item_count, ' ' order by s.status_id) " +
            "from fact_plan_transition t join fact_plan_achievement a using (achievement_id) join fact_plan_status s using (achievement_id) " +
            "group by all order by t.transition_id")).ToList();
        Assert.Equal(
            [("status", "S=3 A=20 B=8 C=4"), ("status", "S=3 A=20 B=8 C=4"), ("status", "S=3 A=20 B=8 C=4"), ("status", "完了=10 取組中=15 未着手=2"), ("policy", "S=1 A=6 B=3")],
            owners.OrderBy(o => rows.FindIndex(r => r.Id == o.Id)).Select(o => (o.Kind, o.Counts)));
        Assert.Equal(rows.Select(r => r.RowKind), owners.OrderBy(o => rows.FindIndex(r => r.Id == o.Id)).Select(o => o.Kind));
        var policy = Assert.Single(rows, r => r.RowKind == "policy").PolicyId;
        Assert.NotNull(policy);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("select count(*) from dim_policy where policy_id = $p", new { p = policy }));
        Assert.All(rows.Where(r => r.RowKind != "policy"), r => Assert.Null(r.PolicyId));

        // Transitions are not checked against the counts: the counts' own checks are untouched by them.
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("select count(*) from fact_plan_achievement where is_consistent = false"));

        // The data tests of the new table hold, and bw explain finds a transition by its key.
        foreach (var test in new[] { "keys_fact_plan_transition", "relationships_fact_plan_transition", "accepted_values_plan_transition", "source_lines_plan_transition" })
        {
            Assert.Empty(await db.QueryAsync("select * from (" + File.ReadAllText(Path.Combine(TestPaths.Sql, "tests", test + ".sql")) + ")"));
        }

        using var explained = new StringWriter();
        Assert.True(await Explainer.ExplainAsync(db, rows[0].Id, [seeds], explained, CancellationToken.None));
        Assert.Contains("fact_plan_transition " + rows[0].Id, explained.ToString(), StringComparison.Ordinal);
        Assert.Contains("A←B:2件(No4,19)", explained.ToString(), StringComparison.Ordinal);

        // The lake has the table, partitioned by fiscal year like the other facts.
        Assert.True(Directory.Exists(Path.Combine(warehouse, "parquet", "fact_plan_transition", "fiscal_year=2023")));
    }

    [Fact]
    public async Task ReloadingAChangedReportReplacesItsTransitions()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path, _ => false);
        var documents = Path.Combine(seeds, "documents");
        Directory.CreateDirectory(documents);
        File.Delete(Path.Combine(seeds, "manifest.csv"));
        File.WriteAllText(Path.Combine(documents, "transitions.txt"), Report);
        // A second report that does not change, so that the reload carries rows from the previous snapshot.
        File.WriteAllText(Path.Combine(documents, "unchanged.txt"), "見本町行政改革プラン 取組状況\n令和5年3月末現在\n1 進捗状況\n完了 4 取組中 9\n取組中→完了 2件\n");
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var first = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.True(first.ExitCode == 0, string.Join("\n", first.Documents.Select(d => $"{d.FileName}: {d.Status} {d.Error}")));

        File.WriteAllText(Path.Combine(documents, "transitions.txt"), Report.Replace("A←B:2件(No4,19)、S←A:1件(No.7) B←C 5件", "A←B:3件(No4,19,21)", StringComparison.Ordinal));
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((0, 1, 1), (reload.ExitCode, reload.Loaded, reload.Unchanged));

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var rows = (await db.QueryAsync<(string File, string Raw)>(
            "select d.file_name, t.raw_text from fact_plan_transition t join dim_document d using (document_id) order by d.file_name, t.source_line, t.transition_id")).ToList();
        Assert.Equal(
            [("transitions.txt", "A←B:3件(No4,19,21)"), ("transitions.txt", "一部達成→達成:6件"), ("transitions.txt", "B←C:1件(No 22)"), ("unchanged.txt", "取組中→完了 2件")],
            rows);
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("select count(*) from fact_plan_transition t anti join dim_document d using (document_id)"));
    }

    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string AchievementId { get; init; } = "";
        public int FiscalYear { get; init; }
        public string? PolicyId { get; init; }
        public string RowKind { get; init; } = "";
        public string FromRaw { get; init; } = "";
        public string? FromMeaning { get; init; }
        public string FromClass { get; init; } = "";
        public int FromRank { get; init; }
        public string ToRaw { get; init; } = "";
        public string? ToMeaning { get; init; }
        public string ToClass { get; init; } = "";
        public int ToRank { get; init; }
        public int ItemCount { get; init; }
        public string? ItemRefs { get; init; }
        public string? ItemNumbers { get; init; }
        public string RawText { get; init; } = "";
        public int? SourcePage { get; init; }
        public int SourceLine { get; init; }
    }
}
