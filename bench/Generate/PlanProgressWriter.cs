using System.Globalization;
using System.Text;

namespace BudgetWarehouse.Bench.Generate;

/// <summary>
/// Writes one plan-progress document (行政経営プランの取組状況): the plan's outline with its basic policies
/// (基本方針), the tab-separated achievement table with a total row, then the results of the reporting year
/// (section 3) and the items added for the following year (section 4), each item "- ・ title [P27, No.1]"
/// followed by a paragraph. Counts what it wrote.
/// </summary>
internal sealed class PlanProgressWriter(Random rng, DocumentStyle style, Municipality municipality, int fiscalYear)
{
    private readonly List<string> _lines = [];
    private int _items;
    private int _paragraphs;
    private int _sections;

    public static string Title(Municipality municipality) => $"{municipality.Name}行政経営プランの取組状況等について";

    public (string Text, GeneratedCounts Counts) Write()
    {
        var planStart = fiscalYear - rng.Next(3);
        var era = BudgetPrioritiesWriter.Era;
        var policyCount = 3 + rng.Next(3);
        var policies = Enumerable.Range(0, policyCount).Select(i => (Title: Vocabulary.PlanPolicies[i], Note: Vocabulary.PlanPolicyNotes[(i + rng.Next(2)) % Vocabulary.PlanPolicyNotes.Length])).ToList();
        var plan = $"{municipality.Name}行政経営プラン";

        Add("", "", Title(municipality), "", $"1. {plan}の概要", "", Paren(1) + " 基本理念", "", "質の高い市民サービスを創り続ける行政経営の実践", "",
            Paren(2) + " 推進期間", "", $"{era(planStart)}年度～{era(planStart + 3)}年度（4年間）", "", Paren(3) + " 基本方針", "");
        for (var i = 0; i < policies.Count; i++)
        {
            Add($"{style.Bullet}{i + 1} {policies[i].Title}（{policies[i].Note}）");
        }

        Add("", "2. 取組事項の達成率", "");

        // Some reports number the parts of the section ((1) per policy, (2) overall), half- or full-width: plain
        // headings that end the table above them. Some print the items that moved since the last report under the table.
        var subHeadings = rng.Chance(0.4);
        var paren = rng.Chance(0.5) ? (Func<int, string>)Paren : ParenFullWidth;
        if (subHeadings)
        {
            Add(paren(1) + " 方針別の状況");
        }

        var planned = policies.Select(_ => 20 + rng.Next(20)).ToList();
        var achieved = planned.Select(p => p - rng.Next(Math.Max(1, p / 4))).ToList();
        var totalPlanned = planned.Sum();
        var totalAchieved = achieved.Sum();
        Add($"達成率 {Rate(totalAchieved, totalPlanned)} (実施計画 {totalPlanned} 項目中 {totalAchieved} 項目が達成済)", "");
        Add("基本方針\t項目数(A)\t達成(B)\t達成率(B/A)");
        for (var i = 0; i < policies.Count; i++)
        {
            Add($"{i + 1} {policies[i].Title}\t{planned[i]} 項目\t{achieved[i]} 項目\t{Rate(achieved[i], planned[i])}");
        }

        Add($"合計\t{totalPlanned} 項目\t{totalAchieved} 項目\t{Rate(totalAchieved, totalPlanned)}");
        if (rng.Chance(0.3))
        {
            Add($"完了←取組中:{1 + rng.Next(4)}件(No{1 + rng.Next(9)},{10 + rng.Next(20)})");
        }

        Add("");
        var statusRows = WriteStatusCounts(totalPlanned, totalAchieved, subHeadings ? paren(2) + " 全体の状況" : null) ? 1 : 0;

        var pageRef = 20;
        var number = 0;
        WritePart($"3. {era(fiscalYear)}年度に実施した主な取組事項", policies.Select(p => p.Title).ToList(), false, ref pageRef, ref number);
        WritePart($"4. {era(fiscalYear + 1)}年度に追加した主な取組事項", policies.Select(p => p.Title).ToList(), true, ref pageRef, ref number);

        var newline = style.Crlf ? "\r\n" : "\n";
        IEnumerable<string> lines = _lines;
        if (style.FullWidth)
        {
            lines = lines.Select(Rendering.ToFullWidth);
        }

        var counts = new GeneratedCounts
        {
            PoliciesByLevel = [policyCount, _sections],
            Items = _items,
            Details = 0,
            AchievementRows = policyCount + 1 + statusRows,
            Paragraphs = _paragraphs,
        };
        return (string.Join(newline, lines) + newline, counts);
    }

    /// <summary>
    /// Most reports also state the status counts of all items, in one of the shapes real reports use: a sentence
    /// with a breakdown, a status table flattened onto one line (spaced label, change before its label), a plain
    /// run or a tab table with an unsigned change column, a pipe table with a total row, list lines with shares, grades with their legend and a transition
    /// line, or categories numbered with circled digits; under the heading given, if any. Returns whether it wrote them
    /// (one more achievement row).
    /// </summary>
    private bool WriteStatusCounts(int total, int completed, string? heading)
    {
        var at = _lines.Count;
        var written = WriteStatusShape(total, completed);
        if (written && heading is not null)
        {
            _lines.Insert(at, heading);
        }

        return written;
    }

    /// <summary>The status counts in one shape drawn at random; false when the report prints none.</summary>
    private bool WriteStatusShape(int total, int completed)
    {
        var notStarted = rng.Next(Math.Max(1, (total - completed) / 3 + 1));
        var underWay = total - completed - notStarted;
        var (up, down) = (1 + rng.Next(5), rng.Next(3));
        switch (rng.Next(8))
        {
            case 0:
                Add($"{BudgetPrioritiesWriter.Era(fiscalYear)}年度末現在、{total}項目のうち「完了」が{completed}項目、「取組中」が{underWay}項目、「未着手」が{notStarted}項目となりました。");
                var onTrack = underWay - rng.Next(underWay / 4 + 1);
                Add($"取組中の{underWay}項目のうち、{onTrack}項目は順調、{underWay - onTrack}項目はやや遅れとなっています。", "");
                return true;
            case 1:
                Add("区分 件数 構成比 増減",
                    $"未着手 {notStarted} {Rate(notStarted, total)} {Signed(down - up)} 取組中 {underWay} {Rate(underWay, total)} {Signed(-down)} {up} 完 了 {completed} {Rate(completed, total)}", "");
                return true;
            case 2 when down > 0:
                // A tab-separated status table with a change column printed without a + sign.
                Add("区分\t件数\t増減", $"完了\t{completed}\t{Signed(up)}", $"取組中\t{underWay}\t{Signed(-down)}", $"未着手\t{notStarted}\t{Signed(down - up)}", "");
                return true;
            case 2:
                Add($"完了 {completed} 取組中 {underWay} 未着手 {notStarted}", "");
                return true;
            case 3:
                Add("| 区分 | 件数 | 割合 |", "|---|---|---|", $"| 完了 | {completed}件 | {Rate(completed, total)} |", $"| 取組中 | {underWay}件 | {Rate(underWay, total)} |",
                    $"| 未着手 | {notStarted}件 | {Rate(notStarted, total)} |", $"| 計 | {total}件 | 100% |", "");
                return true;
            case 4:
                Add($"完了: {completed}項目 ({Rate(completed, total)})", $"取組中: {underWay}項目 ({Rate(underWay, total)})", $"未着手: {notStarted}項目 ({Rate(notStarted, total)})", "");
                return true;
            case 5:
                // Grades with their legend, and the items that moved up since the last report.
                var exceeded = rng.Next(completed / 5 + 1);
                Add("評価 S=目標を上回って達成、A=目標を達成、B=一部達成", $"S {exceeded} A {completed - exceeded} B {total - completed}",
                    $"A←B:{up}件(No{1 + rng.Next(9)},{10 + rng.Next(20)})", "");
                return true;
            case 6:
                Add($"①期限内に完了した取組({completed} 項目)", $"②期限内に完了できなかった取組({total - completed} 項目)", "");
                return true;
            default:
                return false;
        }
    }

    private void WritePart(string heading, List<string> policies, bool added, ref int pageRef, ref int number)
    {
        Add(heading, "", "方針", "");
        var sections = Vocabulary.PlanSections.OrderBy(_ => rng.Next()).ToList();
        var items = Vocabulary.PlanItems.OrderBy(_ => rng.Next()).ToList();
        var itemIndex = 0;
        var sectionIndex = 0;
        for (var p = 0; p < policies.Count; p++)
        {
            Add($"{p + 1} {policies[p]}", "");
            var sectionCount = 1 + rng.Next(3);
            for (var s = 1; s <= sectionCount; s++)
            {
                _sections++;
                Add(ParenFullWidth(s) + sections[sectionIndex++ % sections.Count], "");
                var itemCount = 1 + rng.Next(2);
                for (var k = 0; k < itemCount; k++)
                {
                    _items++;
                    number++;
                    pageRef += 1 + rng.Next(4);
                    var target = rng.Chance(0.15) ? "【数値目標】" : "";
                    var no = added ? $"R{fiscalYear - 2017}-{number}" : number.ToString(CultureInfo.InvariantCulture);
                    var sep = rng.Chance(0.5) ? " " : "";
                    Add($"- ・ {items[itemIndex++ % items.Count]}{target}{sep}[P{pageRef}, No.{no}]", "");
                    _paragraphs++;
                    Add(PlanParagraph(added), "");
                }
            }
        }
    }

    private string PlanParagraph(bool added)
    {
        var sb = new StringBuilder();
        sb.Append(rng.Pick(Vocabulary.Purposes)).Append('、').Append(rng.Pick(Vocabulary.Targets)).Append("と連携して").Append(rng.Pick(Vocabulary.Objects)).Append("を");
        sb.Append(added ? "実施し、" : "実施し、").Append(rng.Pick(Vocabulary.PlanResults)).Append('。');
        if (rng.Chance(0.6))
        {
            sb.Append(rng.Pick(Vocabulary.ParagraphOpenings)).Append('、').Append(rng.Pick(Vocabulary.ParagraphMiddles)).Append('、').Append(rng.Pick(Vocabulary.ParagraphEnds)).Append('。');
        }

        if (rng.Chance(0.5))
        {
            sb.Append("延べ").Append(10 + rng.Next(500)).Append("名の参加があり、").Append(rng.Pick(Vocabulary.PlanResults)).Append('。');
        }

        return sb.ToString();
    }

    private void Add(params string[] lines) => _lines.AddRange(lines);

    private static string Paren(int n) => $"({n})";

    // Changes print ▲ for a decrease; a change of zero prints 0.
    private static string Signed(int n) => n < 0 ? "▲" + (-n).ToString(CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);

    private static string ParenFullWidth(int n) => $"（{n}）";

    private static string Rate(int achieved, int planned) =>
        (Math.Round(1000.0 * achieved / planned, MidpointRounding.AwayFromZero) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
