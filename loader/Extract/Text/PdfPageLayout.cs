using System.Text;
using UglyToad.PdfPig.Content;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>One line of a page as a reader sees it; an empty <see cref="Raw"/> is a blank line (a vertical gap).</summary>
internal readonly record struct LaidLine(string Raw);

/// <summary>A run of letters on one baseline without a cell-sized gap; <see cref="Glyphs"/> counts its letters.</summary>
internal sealed record Segment(double X0, double X1, string Text, int Glyphs);

/// <summary>The segments on one baseline <see cref="Y"/>, left to right; <see cref="Size"/> is the largest font size.</summary>
internal sealed record Row(double Y, double Size, IReadOnlyList<Segment> Segments);

/// <summary>
/// Turns a page's letters into lines in reading order: letters on one baseline form a row; within a row a
/// gap wider than a letter separates table cells (written as a tab, as the table rules expect) and a narrower
/// one a word (a space); a block of rows split by a gutter into two prose columns is read column by column;
/// a vertical gap of about two lines becomes a blank line, as it does in the text documents.
/// </summary>
internal static class PdfPageLayout
{
    // In units of the font size. A space in the CJK fonts is about 0.22–0.33 em, a justified CJK line adds
    // less than 0.1 em between letters, a table cell's padding is an em or more.
    private const double WordGap = 0.15;
    private const double CellGap = 1.0;
    private const double SameBaseline = 0.35;
    private const double BlankLineGap = 2.0;

        private readonly record struct Glyph(double X0, double X1, double Y, double Size, string Value);

    public static List<LaidLine> Lines(Page page)
    {
        var rows = Rows(Glyphs(page));
        var ordered = PdfColumns.ReadingOrder(rows);
        var lines = new List<LaidLine>(ordered.Count + 8);
        Row? previous = null;
        foreach (var (row, newFlow) in ordered)
        {
            if (previous is not null && !newFlow && previous.Y - row.Y > BlankLineGap * Math.Max(previous.Size, row.Size))
            {
                lines.Add(new LaidLine(""));
            }

            lines.Add(new LaidLine(string.Join('\t', row.Segments.Select(s => s.Text))));
            previous = row;
        }

        return lines;
    }

    private static List<Glyph> Glyphs(Page page)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
            var x1 = Math.Max(letter.EndBaseLine.X, letter.StartBaseLine.X + (letter.Width > 0 ? letter.Width : 0));
            glyphs.Add(new Glyph(letter.StartBaseLine.X, x1, letter.StartBaseLine.Y, size > 0 ? size : 10, letter.Value));
        }

        return glyphs;
    }

    private static List<Row> Rows(List<Glyph> glyphs)
    {
        // Top of the page first (PDF y grows upwards); within a baseline, left to right.
        glyphs.Sort((a, b) => b.Y != a.Y ? b.Y.CompareTo(a.Y) : a.X0.CompareTo(b.X0));
        var rows = new List<Row>();
        var start = 0;
        for (var i = 1; i <= glyphs.Count; i++)
        {
            if (i < glyphs.Count && glyphs[start].Y - glyphs[i].Y <= SameBaseline * Math.Max(glyphs[start].Size, glyphs[i].Size))
            {
                continue;
            }

            var row = glyphs.GetRange(start, i - start);
            row.Sort((a, b) => a.X0.CompareTo(b.X0));
            rows.Add(new Row(glyphs[start].Y, row.Max(g => g.Size), Segments(row)));
            start = i;
        }

        return rows;
    }

    private static List<Segment> Segments(List<Glyph> row)
    {
        var segments = new List<Segment>();
        var text = new StringBuilder();
        var x0 = row[0].X0;
        var count = 0;
        Glyph? previous = null;
        foreach (var g in row)
        {
            if (previous is { } p)
            {
                var gap = g.X0 - p.X1;
                var size = Math.Max(p.Size, g.Size);
                if (gap < -0.5 * size && g.Value == p.Value)
                {
                    continue; // the same letter printed twice over itself (a fake bold)
                }

                if (gap > CellGap * size)
                {
                    segments.Add(new Segment(x0, p.X1, text.ToString(), count));
                    text.Clear();
                    x0 = g.X0;
                    count = 0;
                }
                else if (gap > WordGap * size)
                {
                    text.Append(' ');
                }
            }

            text.Append(g.Value);
            count++;
            previous = g;
        }

        segments.Add(new Segment(x0, previous!.Value.X1, text.ToString(), count));
        return segments;
    }
}
