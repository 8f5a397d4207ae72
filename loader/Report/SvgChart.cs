using System.Globalization;
using System.Net;
using System.Text;

namespace BudgetWarehouse.Loader.Report;

/// <summary>A bar of a horizontal bar chart; <see cref="Data"/> becomes data- attributes of its mark.</summary>
internal sealed record ChartBar(string Series, double Value, string ValueText, string Tooltip, IReadOnlyList<KeyValuePair<string, string>> Data, double? Inner = null);

/// <summary>A labelled group of bars (one per series).</summary>
internal sealed record ChartGroup(string Label, IReadOnlyList<ChartBar> Bars);

/// <summary>A point (or a range) of a timeline chart.</summary>
internal sealed record ChartEvent(string Label, DateOnly Start, DateOnly End, bool Planned, string Tooltip, IReadOnlyList<KeyValuePair<string, string>> Data);

/// <summary>
/// Charts as inline SVG, so the report needs no script library and no network. Every data point is one
/// mark element (rect or circle) carrying <c>data-mark</c>, so a test can count marks against the data.
/// </summary>
internal static class SvgChart
{
    private const int Width = 960;
    private const int LabelWidth = 280;
    private const int ValueWidth = 110;
    private const int BarHeight = 16;
    private const int BarGap = 3;
    private const int GroupGap = 10;
    private const int Top = 34;
    private const int LabelChars = 20;

    private static readonly string[] Palette = ["#3b6ea8", "#e07b39", "#4f9d69", "#b5493c", "#8a6bb8", "#c9a227", "#5aa3b3", "#7f7f7f"];

    /// <summary>Horizontal bars grouped by label, one colour per series (e.g. per fiscal year).</summary>
    public static string Bars(string id, string title, IReadOnlyList<ChartGroup> groups, double? max = null)
    {
        var series = groups.SelectMany(g => g.Bars).Select(b => b.Series).Distinct(StringComparer.Ordinal).ToList();
        var top = series.Count > 0 ? Top + 18 : Top;
        var height = top + groups.Sum(g => g.Bars.Count * (BarHeight + BarGap) + GroupGap) + 10;
        var scaleMax = max ?? Math.Max(1e-9, groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0).Max());
        var plot = Width - LabelWidth - ValueWidth;
        var sb = Open(id, title, height, groups.Sum(g => g.Bars.Count));
        Legend(sb, series, top - 14);
        var y = top;
        foreach (var group in groups)
        {
            var groupHeight = group.Bars.Count * (BarHeight + BarGap) - BarGap;
            var label = group.Label.Length > LabelChars ? group.Label[..(LabelChars - 1)] + "…" : group.Label;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + groupHeight / 2.0 + 5:0.#}\" text-anchor=\"end\"><title>{E(group.Label)}</title>{E(label)}</text>");
            foreach (var bar in group.Bars)
            {
                var w = Math.Max(1.0, plot * Math.Clamp(bar.Value / scaleMax, 0, 1));
                var colour = Palette[series.IndexOf(bar.Series) % Palette.Length];
                sb.Append(CultureInfo.InvariantCulture, $"<rect data-mark=\"bar\" data-series=\"{E(bar.Series)}\" data-value=\"{bar.Value.ToString("R", CultureInfo.InvariantCulture)}\"");
                foreach (var (k, v) in bar.Data)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" data-{k}=\"{E(v)}\"");
                }

                sb.Append(CultureInfo.InvariantCulture, $" x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{BarHeight}\" fill=\"{colour}\"><title>{E(bar.Tooltip)}</title></rect>");
                if (bar.Inner is { } inner && inner > 0)
                {
                    var iw = Math.Max(1.0, plot * Math.Clamp(inner / scaleMax, 0, 1));
                    sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"inner\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{iw:0.##}\" height=\"{BarHeight - 8}\" fill=\"#1d1d1d\" fill-opacity=\"0.45\"/>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + w + 4:0.##}\" y=\"{y + BarHeight - 4}\">{E(bar.ValueText)}</text>");
                y += BarHeight + BarGap;
            }

            y += GroupGap;
        }

        return Close(sb);
    }

    /// <summary>A timeline: one row per event, a circle at its start and a line to its end.</summary>
    public static string Timeline(string id, string title, IReadOnlyList<ChartEvent> events)
    {
        const int rowHeight = 18;
        var height = Top + 24 + events.Count * rowHeight + 10;
        var sb = Open(id, title, height, events.Count);
        if (events.Count == 0)
        {
            return Close(sb);
        }

        var first = events.Min(e => e.Start);
        var last = events.Max(e => e.End);
        var from = new DateOnly(first.Year, 1, 1);
        var to = new DateOnly(last.Year + 1, 1, 1);
        var plot = Width - LabelWidth - 20;
        var span = to.DayNumber - from.DayNumber;
        double X(DateOnly d) => LabelWidth + plot * (d.DayNumber - from.DayNumber) / (double)span;
        for (var year = from.Year; year < to.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x:0.##}\" y1=\"{Top}\" x2=\"{x:0.##}\" y2=\"{height - 10}\"/><text class=\"tick\" x=\"{x + 3:0.##}\" y=\"{Top + 12}\">{year}</text>");
        }

        var y = Top + 24;
        foreach (var ev in events)
        {
            var label = ev.Label.Length > LabelChars + 4 ? ev.Label[..(LabelChars + 3)] + "…" : ev.Label;
            var cy = y + rowHeight / 2.0;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{cy + 5:0.#}\" text-anchor=\"end\"><title>{E(ev.Label)}</title>{E(label)}</text>");
            if (ev.End > ev.Start)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"range\" x1=\"{X(ev.Start):0.##}\" y1=\"{cy:0.#}\" x2=\"{X(ev.End):0.##}\" y2=\"{cy:0.#}\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<circle data-mark=\"event\" data-start=\"{ev.Start:yyyy-MM-dd}\" data-end=\"{ev.End:yyyy-MM-dd}\"");
            foreach (var (k, v) in ev.Data)
            {
                sb.Append(CultureInfo.InvariantCulture, $" data-{k}=\"{E(v)}\"");
            }

            var fill = ev.Planned ? "#ffffff" : Palette[0];
            sb.Append(CultureInfo.InvariantCulture, $" cx=\"{X(ev.Start):0.##}\" cy=\"{cy:0.#}\" r=\"5\" fill=\"{fill}\" stroke=\"{Palette[0]}\" stroke-width=\"2\"><title>{E(ev.Tooltip)}</title></circle>");
            y += rowHeight;
        }

        return Close(sb);
    }

    private static StringBuilder Open(string id, string title, int height, int marks)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{E(id)}\" data-expected-marks=\"{marks}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"0\" y=\"18\">{E(title)}</text>");
        return sb;
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<string> series, int y)
    {
        if (series.Count == 0)
        {
            return;
        }

        var x = LabelWidth;
        for (var i = 0; i < series.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"legend\" x=\"{x}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{Palette[i % Palette.Length]}\"/><text class=\"tick\" x=\"{x + 16}\" y=\"{y}\">{E(series[i])}</text>");
            x += 30 + series[i].Length * 13;
        }
    }

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
