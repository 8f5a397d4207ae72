using System.Net;
using System.Text;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>The pages' HTML shells; the page script (assets/app.js) fills them from the JSON endpoint.</summary>
internal static class DashboardHtml
{
    public static string Page(DashboardPage page)
    {
        var body = $"""
            <header class="top">
              <div><h1>{Encode(page.Title)}</h1><div class="subtitle" id="subtitle"></div></div>
              <div class="snapshot" id="snapshot"></div>
            </header>
            <section class="slicers" id="slicers" aria-label="スライサー"></section>
            <div class="chips" id="chips"></div>
            <section class="visuals" id="visuals"></section>
            <section class="panel table-panel">
              <div class="panel-head">
                <h2>選択中の行</h2><span class="muted" id="rowcount"></span>
                <a class="button" id="export" href="/export/{page.Name}.csv" download>CSV エクスポート</a>
              </div>
              <div class="table-wrap"><table id="rows"></table></div>
            </section>
            """;
        return Layout(page.Title, page.Name, body, scripts: true);
    }

    public static string Explain(string id, string? explanation, string? error)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"top\"><div><h1>出典 ").Append(Encode(id)).Append("</h1><div class=\"subtitle\">bw explain ").Append(Encode(id)).Append("</div></div>")
            .Append("<a class=\"button\" href=\"javascript:history.back()\">← 戻る</a></header>");
        body.Append(error is null
            ? "<section class=\"panel\"><pre class=\"explain\" id=\"explain\">" + Encode(explanation ?? "") + "</pre></section>"
            : "<section class=\"panel error\" id=\"explain-error\">" + Encode(error) + "</section>");
        return Layout("出典 " + id, "explain", body.ToString(), scripts: false);
    }

    private static string Layout(string title, string pageName, string body, bool scripts)
    {
        var nav = new StringBuilder();
        foreach (var p in DashboardPage.All)
        {
            nav.Append("<a href=\"").Append(p.Path).Append("\" data-nav=\"").Append(p.Name).Append('"')
                .Append(p.Name == pageName ? " class=\"active\"" : "").Append('>').Append(Encode(p.Title)).Append("</a>");
        }

        var script = scripts
            ? "<script defer src=\"/assets/vendor/echarts/echarts.min.js\"></script><script defer src=\"/assets/app.js\"></script><script defer src=\"/assets/pages.js\"></script>"
            : "";
        return $"""
            <!doctype html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · BudgetWarehouse</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            {script}
            </head>
            <body data-page="{pageName}" data-state="{(scripts ? "loading" : "ready")}">
            <nav class="rail"><div class="brand"><span class="logo">▮▮▮</span> BudgetWarehouse</div>{nav}<div class="rail-foot">read-only · DuckDB snapshot</div></nav>
            <main>
            {body}
            </main>
            </body>
            </html>
            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
