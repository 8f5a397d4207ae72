using System.Globalization;
using BudgetWarehouse.Loader.Extract.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>A 1,000-page PDF, built here, is read page by page with every line on its page.</summary>
public class PdfLongDocumentTests
{
    private const int Pages = 1000;

    private static byte[] Build()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= Pages; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("Harbor district annual report", 10, new PdfPoint(60, 800), font);
            page.AddText(string.Create(CultureInfo.InvariantCulture, $"Section {n}: {n * 7} street lamps renewed"), 11, new PdfPoint(60, 700), font);
            page.AddText(string.Create(CultureInfo.InvariantCulture, $"- {n} -"), 10, new PdfPoint(290, 40), font);
        }

        return builder.Build();
    }

    [Fact]
    public void AThousandPagesAreReadWithTheirPagesAndFurniture()
    {
        var source = SourceText.FromBytes("long.pdf", Build());

        var content = source.Lines.Where(l => !l.IsChrome && !l.IsBlank).ToList();
        Assert.Equal(Pages, content.Count);
        Assert.Equal(Enumerable.Range(1, Pages), content.Select(l => l.Page!.Value));
        Assert.Equal("Section 1000: 7000 street lamps renewed", content[^1].Text);
        Assert.Equal(2 * Pages, source.Lines.Count(l => l.IsChrome)); // the running title and the page number of every page
        Assert.Equal(Enumerable.Range(1, source.Lines.Count), source.Lines.Select(l => l.Number));
    }
}
