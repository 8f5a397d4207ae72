using System.Globalization;
using System.Net;
using System.Text;

namespace BudgetWarehouse.Loader.Report;

/// <summary>
/// Renders <see cref="ReportData"/> as one self-contained HTML page: inline CSS, inline SVG charts, the
/// source lines of every row embedded in a &lt;details&gt; element. Nothing is fetched when it is viewed.
/// </summary>
internal static class ReportHtml
{
    /// <summary>Ids of the charts, in page order (data-chart attribute of each svg).</summary>
    public const string ThemeYearChart = "initiatives-theme-year";
    public const string MoneyChart = "money-pillar";
    public const string FunctionChart = "money-function";
    public const string AchievementChart = "achievement-policy";
    public const string MilestoneChart = "upcoming-milestones";

    /// <summary>At most this many milestones are drawn and listed (the earliest first).</summary>
    public const int MaxMilestones = 200;

    private const string Css = """
        :root { --font: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; }
        body { font-family: var(--font); margin: 24px auto; max-width: 1000px; color: #1d1d1d; line-height: 1.5; }
        h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; border-bottom: 2px solid #3b6ea8; padding-bottom: 2px; margin-top: 36px; }
        .meta, .note { color: #555; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 16px; }
        th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #f2f5f9; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; }
        svg.chart { display: block; margin: 12px 0; max-width: 100%; height: auto; }
        svg.chart text { font-family: var(--font); font-size: 12px; fill: #1d1d1d; }
        svg.chart text.title { font-size: 15px; font-weight: bold; }
        svg.chart text.value, svg.chart text.tick { fill: #555; font-size: 11px; }
        svg.chart line.grid { stroke: #e3e3e3; } svg.chart line.range { stroke: #3b6ea8; stroke-width: 3; }
        details > summary { cursor: pointer; color: #3b6ea8; }
        pre.source { background: #f7f7f4; border-left: 3px solid #c9a227; padding: 6px 8px; margin: 4px 0; white-space: pre-wrap; font-family: var(--font); font-size: 12px; }
        pre.source .ln { color: #888; display: inline-block; min-width: 3.5em; user-select: none; }
        pre.source .hit { background: #fff2b3; }
        .missing { background: #fff4f0; border-left: 3px solid #b5493c; padding: 6px 10px; }
        .flag { display: inline-block; font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e7eef7; margin-right: 2px; }
        """;

    // Counts the marks the browser actually laid out, so a headless test can check rendering, not markup.
    private const string RenderCheck = """
        (function () {
          document.querySelectorAll('svg[data-chart]').forEach(function (svg) {
            var marks = 0, texts = 0;
            svg.querySelectorAll('[data-mark]').forEach(function (m) { var b = m.getBBox(); if (b.width > 0 && b.height > 0) marks++; });
            svg.querySelectorAll('text').forEach(function (t) { if (t.getComputedTextLength() > 0) texts++; });
            svg.setAttribute('data-rendered-marks', String(marks));
            svg.setAttribute('data-rendered-texts', String(texts));
          });
          document.body.setAttribute('data-render-checked', 'yes');
        })();
        """;

    public static string Render(ReportData data)
    {
        var sources = SourceLines(data[ReportData.SourceLines]);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>予算・施策レポート</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>予算・施策レポート</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">スナップショット {E(data.SnapshotId)}");
        if (data.AsOf is { } asOf)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · 基準日 {asOf:yyyy-MM-dd}");
        }

        sb.Append("</p>\n");
        Overview(sb, data[ReportData.Overview]);
        ThemeYear(sb, data[ReportData.ThemeYear]);
        Money(sb, data[ReportData.MoneyPillar], data[ReportData.MoneyRows], sources);
        MoneyByFunction(sb, data[ReportData.MoneyFunction]);
        Achievement(sb, data[ReportData.Achievement]);
        PlanStatusYear(sb, data[ReportData.PlanStatusYear]);
        PlanStatus(sb, data[ReportData.PlanStatus]);
        Milestones(sb, data[ReportData.Milestones], sources, data.AsOf);
        Initiatives(sb, data[ReportData.Initiatives], sources);
        sb.Append("<script>").Append(RenderCheck).Append("</script>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Overview(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>読み込んだ文書</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        sb.Append("<table><tr><th>自治体</th><th>種類</th><th>年度</th><th>表題</th><th>ファイル</th><th class=\"num\">行数</th><th class=\"num\">施策</th></tr>");
        foreach (var r in section.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Text("municipality"))}</td><td>{E(r.Text("family"))}</td><td>{E(r.Text("fiscal_year_label") ?? r.Text("fiscal_year"))}</td><td>{E(r.Text("title"))}</td><td>{E(r.Text("file_name"))}</td><td class=\"num\">{r.Long("line_count"):N0}</td><td class=\"num\">{r.Long("items"):N0}</td></tr>");
        }

        sb.Append("</table>\n");
    }

    private static void ThemeYear(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>テーマ別・年度別の施策数</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        var groups = section.Rows.GroupBy(r => r.Text("theme") ?? "(未分類)")
            .Select(g => new ChartGroup(g.Key, [.. g.Select(r => new ChartBar(
                Year(r.Long("fiscal_year")),
                r.Long("initiatives") ?? 0,
                $"{r.Long("initiatives")}件 (新規 {r.Long("new_programs")})",
                $"{g.Key} {Year(r.Long("fiscal_year"))}: 施策 {r.Long("initiatives")}件, うち新規事業 {r.Long("new_programs")}件",
                [new("theme", g.Key), new("year", r.Text("fiscal_year") ?? ""), new("new-programs", r.Text("new_programs") ?? "0")],
                r.Long("new_programs")))]))
            .ToList();
        sb.Append(SvgChart.Bars(ThemeYearChart, "テーマ別・年度別の施策数 (濃い部分 = 新規事業)", groups)).Append('\n');
        sb.Append("<p class=\"note\">箇条書きの施策 (kind = item) を数え、再掲の項目は除く。新規事業 = 創設・新設。</p>\n");
    }

    private static void Money(StringBuilder sb, ReportSection pillars, ReportSection rows, Dictionary<string, List<(long Line, string Text)>> sources)
    {
        sb.Append("<h2>柱別の金額</h2>");
        if (!Available(sb, pillars))
        {
            return;
        }

        var groups = pillars.Rows.GroupBy(r => r.Text("pillar_title") ?? "(方針外)")
            .Select(g => new ChartGroup(g.Key, [.. g.Select(r => new ChartBar(
                Year(r.Long("fiscal_year")),
                r.Long("amount_yen") ?? 0,
                Yen(r.Long("amount_yen")),
                $"{g.Key} {Year(r.Long("fiscal_year"))}: {Yen(r.Long("amount_yen"))} ({r.Long("amounts")}件の金額)",
                [new("pillar", g.Key), new("year", r.Text("fiscal_year") ?? ""), new("amount-yen", r.Text("amount_yen") ?? "0")]))]))
            .ToList();
        sb.Append(SvgChart.Bars(MoneyChart, "柱別の金額 (役割 value の金額の合計)", groups)).Append('\n');
        sb.Append("<p class=\"note\">内訳 (うち…)・累計・目安・総額は他の金額の言い換えなので合計に含めない。再掲の項目の金額も除く。</p>\n");
        if (!rows.IsAvailable || rows.Rows.Count == 0)
        {
            return;
        }

        sb.Append("<details><summary>金額の一覧と原文</summary><table><tr><th>年度</th><th>柱</th><th>項目</th><th>役割</th><th class=\"num\">金額</th><th>原文</th></tr>");
        foreach (var r in rows.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Long("fiscal_year")}</td><td>{E(r.Text("pillar_title"))}</td><td>{E(r.Text("label"))}</td><td>{E(r.Text("role"))}</td><td class=\"num\">{(r.Flag("is_approximate") ? "約" : "")}{Yen(r.Long("amount_yen"))}</td><td>");
            Source(sb, (r.Text("file_name"), r.Long("source_page"), r.Long("source_line")), r.Text("raw_text"), r.Text("item_id"), sources);
            sb.Append("</td></tr>");
        }

        sb.Append("</table></details>\n");
    }

    private static void MoneyByFunction(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>款別の金額</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        var groups = section.Rows.GroupBy(r => r.Text("function_name") ?? "(不明)")
            .Select(g => new ChartGroup(g.Key, [.. g.Select(r => new ChartBar(
                Year(r.Long("fiscal_year")),
                r.Long("amount_yen") ?? 0,
                Yen(r.Long("amount_yen")),
                $"{g.Key} {Year(r.Long("fiscal_year"))}: {Yen(r.Long("amount_yen"))} (施策 {r.Long("initiatives")}件)",
                [new("function", g.Key), new("year", r.Text("fiscal_year") ?? ""), new("amount-yen", r.Text("amount_yen") ?? "0")]))]))
            .ToList();
        sb.Append(SvgChart.Bars(FunctionChart, "款別の金額 (予算の重点の文書, 役割 value の金額の合計)", groups)).Append('\n');
        sb.Append("<p class=\"note\">款は目的別歳出の分類 (議会費 … 予備費)。文書が款を示す見出し・列があればそれにより、なければ function_rules.csv の規則による (v_money_by_function)。</p>\n");
    }

    private static void Achievement(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>基本方針別の達成率</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        // fact_plan_achievement stores rates in percent (0–100), as the reports print them.
        var groups = section.Rows.GroupBy(r => PolicyLabel(r))
            .Select(g => new ChartGroup(g.Key, [.. g.Select(r =>
            {
                var pct = (r.Double("achievement_rate") ?? 0);
                return new ChartBar(
                    Year(r.Long("fiscal_year")),
                    pct,
                    string.Create(CultureInfo.InvariantCulture, $"{pct:0.#}% ({r.Long("items_achieved")}/{r.Long("items_planned")})"),
                    string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Year(r.Long("fiscal_year"))}: 達成 {r.Long("items_achieved")} / 計画 {r.Long("items_planned")} = {pct:0.#}%, 記載 {r.Double("stated_rate"):0.#}%"),
                    [new("policy", g.Key), new("year", r.Text("fiscal_year") ?? ""), new("row-kind", r.Text("row_kind") ?? "")]);
            })]))
            .ToList();
        sb.Append(SvgChart.Bars(AchievementChart, "基本方針別の達成率 (%)", groups, max: 100)).Append('\n');
        sb.Append("<table><tr><th>年度</th><th>計画</th><th>基本方針</th><th class=\"num\">計画項目</th><th class=\"num\">達成</th><th class=\"num\">未確定</th><th class=\"num\">達成率</th><th class=\"num\">記載の率</th><th>一致</th><th>出典</th></tr>");
        foreach (var r in section.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Long("fiscal_year")}</td><td>{E(r.Text("plan_name"))}</td><td>{E(PolicyLabel(r))}</td><td class=\"num\">{r.Long("items_planned")}</td><td class=\"num\">{r.Long("items_achieved")}</td><td class=\"num\">{r.Long("items_pending")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.Double("achievement_rate"):0.0}%</td><td class=\"num\">{r.Double("stated_rate"):0.0}%</td><td>{(r.Flag("is_consistent") ? "○" : "× 不一致")}</td><td>{E(Cite(r.Text("file_name"), r.Long("source_page"), r.Long("source_line")))}</td></tr>");
        }

        sb.Append("</table>\n");
    }

    /// <summary>One headline per plan-progress report and year (v_plan_status_year), with the change on the plan's prior year.</summary>
    private static void PlanStatusYear(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>計画・年度別の達成割合</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        sb.Append("<table><tr><th>年度</th><th>自治体</th><th>計画</th><th>区分(記載どおり)</th><th class=\"num\">対象</th><th class=\"num\">達成・完了</th><th class=\"num\">順調</th><th class=\"num\">遅れ</th><th class=\"num\">未着手</th><th class=\"num\">達成割合</th><th class=\"num\">前年度比</th><th>出典</th></tr>");
        foreach (var r in section.Rows)
        {
            var change = r.Text("achieved_share_change") is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{r.Double("achieved_share_change"):+0.0;-0.0;0.0} pt ({r.Long("prior_fiscal_year")}{(r.Flag("is_scheme_changed") ? ", 区分変更" : "")})");
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Long("fiscal_year")}</td><td>{E(r.Text("municipality"))}</td><td>{E(r.Text("plan_name"))}</td><td>{E(r.Text("status_words"))}</td><td class=\"num\">{r.Long("items_total")}</td><td class=\"num\">{r.Long("items_achieved")}</td><td class=\"num\">{r.Long("items_on_track")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.Long("items_delayed")}</td><td class=\"num\">{r.Long("items_not_started")}</td><td class=\"num\">{r.Double("achieved_share"):0.0}%</td><td class=\"num\">{change}</td><td>{E(r.Text("file_name"))}:{r.Long("source_line")}</td></tr>");
        }

        sb.Append("</table>\n");
    }

    /// <summary>Status counts of every report on one scale (v_plan_status), so that different status words compare.</summary>
    private static void PlanStatus(StringBuilder sb, ReportSection section)
    {
        sb.Append("<h2>進捗状況の区分別件数</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        sb.Append("<table><tr><th>年度</th><th>計画</th><th>基本方針</th><th>区分(記載どおり)</th><th class=\"num\">対象</th><th class=\"num\">達成・完了</th><th class=\"num\">順調・取組中</th><th class=\"num\">遅れ</th><th class=\"num\">未着手</th><th class=\"num\">その他</th><th class=\"num\">達成割合</th><th>一致</th><th>出典</th></tr>");
        foreach (var r in section.Rows)
        {
            var consistent = r.Text("is_consistent") is null ? "" : r.Flag("is_consistent") ? "○" : "× 不一致";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Long("fiscal_year")}</td><td>{E(r.Text("plan_name"))}</td><td>{E(r.Text("policy_code"))}</td><td>{E(r.Text("status_words"))}</td><td class=\"num\">{r.Long("items_total")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.Long("items_achieved")}</td><td class=\"num\">{r.Long("items_on_track")}</td><td class=\"num\">{r.Long("items_delayed")}</td><td class=\"num\">{r.Long("items_not_started")}</td><td class=\"num\">{r.Long("items_other")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.Double("achieved_share"):0.0}%</td><td>{consistent}</td><td>{E(r.Text("file_name"))}:{r.Long("source_line")}</td></tr>");
        }

        sb.Append("</table>\n");
    }

    private static void Milestones(StringBuilder sb, ReportSection section, Dictionary<string, List<(long Line, string Text)>> sources, DateOnly? asOf)
    {
        sb.Append("<h2>今後の予定</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        var shown = section.Rows.Where(r => r.Date("start_date") is not null).Take(MaxMilestones).ToList();
        var events = shown.Select(r =>
        {
            var start = r.Date("start_date")!.Value;
            var end = r.Date("end_date") ?? start;
            var what = Short(r.Text("initiative_text") ?? r.Text("raw_text") ?? "", 14);
            return new ChartEvent(
                $"{r.Text("event")} {what}",
                start,
                end < start ? start : end,
                r.Flag("is_planned"),
                $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd} ({r.Text("precision")}) {r.Text("event")}{(r.Flag("is_planned") ? " 予定" : "")}: {r.Text("raw_text")}",
                [new("event", r.Text("event") ?? ""), new("milestone-id", r.Text("milestone_id") ?? "")]);
        }).ToList();
        sb.Append(SvgChart.Timeline(MilestoneChart, "今後の予定 (○ = 予定, ● = 確定)", events)).Append('\n');
        var basis = asOf is { } d ? $"{d:yyyy-MM-dd} 以降に終わる予定" : "各文書の年度の初め (4月1日) 以降に終わる予定";
        var more = section.Rows.Count > shown.Count ? $" 先頭 {shown.Count} 件を表示 (全 {section.Rows.Count} 件)。" : "";
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(basis)}。{E(more)}</p>\n");
        sb.Append("<table><tr><th>開始</th><th>終了</th><th>精度</th><th>事象</th><th>テーマ</th><th>原文</th></tr>");
        foreach (var r in shown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Date("start_date"):yyyy-MM-dd}</td><td>{r.Date("end_date"):yyyy-MM-dd}</td><td>{E(r.Text("precision"))}</td><td>{E(r.Text("event"))}{(r.Flag("is_planned") ? " (予定)" : "")}</td><td>{E(r.Text("theme"))}</td><td>");
            Source(sb, (r.Text("file_name"), r.Long("source_page"), r.Long("source_line")), r.Text("raw_text"), r.Text("item_id"), sources);
            sb.Append("</td></tr>");
        }

        sb.Append("</table>\n");
    }

    private static void Initiatives(StringBuilder sb, ReportSection section, Dictionary<string, List<(long Line, string Text)>> sources)
    {
        sb.Append("<h2>テーマ別の施策と原文</h2>");
        if (!Available(sb, section))
        {
            return;
        }

        foreach (var theme in section.Rows.GroupBy(r => r.Text("theme") ?? "(未分類)"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<details class=\"theme\"><summary>{E(theme.Key)} ({theme.Count()}件)</summary>");
            sb.Append("<table><tr><th>年度</th><th>方針</th><th>担当</th><th>施策</th><th>原文</th></tr>");
            foreach (var r in theme)
            {
                var flags = new StringBuilder();
                if (r.Flag("is_new_program"))
                {
                    flags.Append("<span class=\"flag\">新規</span>");
                }

                if (r.Flag("is_relisted"))
                {
                    flags.Append("<span class=\"flag\">再掲</span>");
                }

                if (r.Text("action") is { } action)
                {
                    flags.Append(CultureInfo.InvariantCulture, $"<span class=\"flag\">{E(action)}</span>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"src-{E(r.Text("initiative_id"))}\" data-initiative=\"{E(r.Text("initiative_id"))}\"><td>{r.Long("fiscal_year")}</td><td>{E(r.Text("policy_path"))}</td><td title=\"{E(r.Text("department_evidence"))}\">{E(r.Text("department"))}</td><td>{flags}{E(r.Text("text"))}</td><td>");
                Source(sb, (r.Text("file_name"), r.Long("source_page"), r.Long("source_line_start")), r.Text("raw_text"), r.Text("initiative_id"), sources, linkToItem: false);
                sb.Append("</td></tr>");
            }

            sb.Append("</table></details>\n");
        }
    }

    /// <summary>A &lt;details&gt; holding the printed lines behind a row, as <c>explain</c> shows them.</summary>
    /// <summary>Where a fact is printed: file:12, or file.pdf p.3 l.12 for a document with pages.</summary>
    private static string Cite(string? file, long? page, long? line) =>
        page is { } p ? $"{file} p.{p} l.{line}" : $"{file}:{line}";

    private static void Source(StringBuilder sb, (string? File, long? Page, long? Line) at, string? rawText, string? itemId, Dictionary<string, List<(long Line, string Text)>> sources, bool linkToItem = true)
    {
        var line = at.Line;
        sb.Append(CultureInfo.InvariantCulture, $"<details class=\"src\"><summary>{E(Cite(at.File, at.Page, line))}</summary><pre class=\"source\">");
        if (itemId is not null && sources.TryGetValue(itemId, out var lines))
        {
            foreach (var (no, text) in lines)
            {
                var hit = no == line ? " class=\"hit\"" : "";
                sb.Append(CultureInfo.InvariantCulture, $"<span{hit}><span class=\"ln\">{no}</span>{E(text)}</span>\n");
            }
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"<span class=\"hit\"><span class=\"ln\">{line}</span>{E(rawText)}</span>\n");
        }

        sb.Append("</pre></details>");
        if (itemId is not null && linkToItem)
        {
            sb.Append(CultureInfo.InvariantCulture, $" <a class=\"item\" href=\"#src-{E(itemId)}\">施策へ</a>");
        }
    }

    private static Dictionary<string, List<(long Line, string Text)>> SourceLines(ReportSection section)
    {
        var map = new Dictionary<string, List<(long, string)>>(StringComparer.Ordinal);
        foreach (var r in section.Rows)
        {
            var id = r.Text("initiative_id")!;
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add((r.Long("line_no") ?? 0, r.Text("line_text") ?? ""));
        }

        return map;
    }

    private static bool Available(StringBuilder sb, ReportSection section)
    {
        if (section.IsAvailable)
        {
            return true;
        }

        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"missing\">このスナップショットには {E(string.Join(", ", section.Missing))} がないため、この項目は表示できません ({E(section.QueryFile)})。</p>\n");
        return false;
    }

    private static string PolicyLabel(QueryRow r) =>
        r.Text("row_kind") == "total" ? "合計" : $"{r.Text("policy_code")} {r.Text("policy_title")}";

    private static string Year(long? fiscalYear) => fiscalYear is { } y ? $"{y}年度" : "年度不明";

    /// <summary>Yen in the units Japanese documents use: 億円 and 万円.</summary>
    internal static string Yen(long? yen) => yen switch
    {
        null => "",
        >= 100_000_000 or <= -100_000_000 => string.Create(CultureInfo.InvariantCulture, $"{yen.Value / 1e8:#,0.####}億円"),
        >= 10_000 or <= -10_000 => string.Create(CultureInfo.InvariantCulture, $"{yen.Value / 1e4:#,0.####}万円"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{yen.Value:#,0}円"),
    };

    private static string Short(string s, int chars) => s.Length > chars ? s[..chars] + "…" : s;

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
