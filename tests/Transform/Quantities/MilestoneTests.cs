using BudgetWarehouse.Models.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class MilestoneTests
{
    [Theory]
    [InlineData("価値創造拠点施設の整備を本格化（令和3年春開設予定）", "開設", "2021-03-01", "2021-05-31", DatePrecision.Season, true, "（令和3年春開設予定）")]
    [InlineData("工業団地の造成工事に着手（令和3年度分譲開始予定）", "分譲開始", "2021-04-01", "2022-03-31", DatePrecision.FiscalYear, true, "（令和3年度分譲開始予定）")]
    [InlineData("第6回金沢マラソンを開催（令和2年10月25日）", "開催", "2020-10-25", "2020-10-25", DatePrecision.Day, false, "（令和2年10月25日）")]
    [InlineData("コンサートを開催（令和2年10月3日、4日）", "開催", "2020-10-03", "2020-10-04", DatePrecision.Day, false, "（令和2年10月3日、4日）")]
    [InlineData("危機管理センターの供用を開始（令和2年5月）", "供用開始", "2020-05-01", "2020-05-31", DatePrecision.Month, false, "（令和2年5月）")]
    [InlineData("シェアサイクルの運営を開始（令和2年3月）", "運営開始", "2020-03-01", "2020-03-31", DatePrecision.Month, false, "（令和2年3月）")]
    [InlineData("観光案内所を開設（令和2年4月予定）", "開設", "2020-04-01", "2020-04-30", DatePrecision.Month, true, "（令和2年4月予定）")]
    [InlineData("常駐を義務化（令和2年7月条例施行）", "施行", "2020-07-01", "2020-07-31", DatePrecision.Month, false, "（令和2年7月条例施行）")]
    [InlineData("校舎改築を完了（令和2年4月1日供用開始）", "供用開始", "2020-04-01", "2020-04-01", DatePrecision.Day, false, "（令和2年4月1日供用開始）")]
    [InlineData("大規模改修に着手（令和3年9月オープン予定）", "オープン", "2021-09-01", "2021-09-30", DatePrecision.Month, true, "（令和3年9月オープン予定）")]
    [InlineData("システムを構築（令和3年1月稼働予定）", "稼働", "2021-01-01", "2021-01-31", DatePrecision.Month, true, "（令和3年1月稼働予定）")]
    [InlineData("令和2年度中に全ての小学校の整備を完了（最終補正）", "完了", "2020-04-01", "2021-03-31", DatePrecision.FiscalYear, false, "令和2年度中に全ての小学校の整備を完了")]
    [InlineData("令和4年秋に新庁舎を開設する予定", "開設", "2022-09-01", "2022-11-30", DatePrecision.Season, true, "令和4年秋に新庁舎を開設")]
    [InlineData("大会を開催（令和2年10月25日（日））", "開催", "2020-10-25", "2020-10-25", DatePrecision.Day, false, "（令和2年10月25日（日））")]
    [InlineData("R3.4.1施行", "施行", "2021-04-01", "2021-04-01", DatePrecision.Day, false, "R3.4.1施行")]
    public void ScheduledEvents(string text, string evt, string start, string end, string precision, bool planned, string raw)
    {
        var m = Assert.Single(Milestones(text));
        Assert.Equal(evt, m.Event);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), precision), (m.Date.Start, m.Date.End, m.Date.Precision));
        Assert.Equal(planned, m.IsPlanned);
        Assert.Equal(raw, m.RawText);
    }

    [Fact]
    public void TwoDatesInOneAnnotation()
    {
        var m = Milestones("新庁舎を整備（令和2年4月開設、令和3年4月完成予定）");
        Assert.Equal([("開設", false, "（令和2年4月開設"), ("完成", true, "令和3年4月完成")], m.Select(x => (x.Event, x.IsPlanned, x.RawText)));
    }

    [Theory]
    [InlineData("国の経済対策に呼応して、令和元年度最終補正予算への前倒し分と合わせ")]
    [InlineData("児童生徒全員に学習用端末を計画的に配置（令和5年度まで）")]
    [InlineData("照明のLED化を推進（令和3年度までに一斉更新）")]
    [InlineData("令和6年能登半島地震や水需要の減少")]
    [InlineData("人口（令和2年4月1日現在）")]
    [InlineData("決算額（令和元年度実績）")]
    [InlineData("令和5年度～令和8年度（4年間）")]
    [InlineData("令和2年度予算の概要")]
    [InlineData("（令和2年10月）")]
    public void NotMilestones(string text) => Assert.Empty(Milestones(text));
}
