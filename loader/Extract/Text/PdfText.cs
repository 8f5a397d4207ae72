using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>
/// Reads a PDF's text layer into lines as a reader sees them (see <see cref="PdfPageLayout"/>), each with its
/// page, and flags page furniture (see <see cref="PdfChrome"/>). Pages are read one at a time and only their
/// lines are kept, so a long document costs its text, not its page objects. Files that cannot give their text
/// fail with a reason a user can act on.
/// </summary>
internal static class PdfText
{
    public const string EncodingName = "pdf";

    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] EndMarker = "%%EOF"u8.ToArray();

    // Readers accept a header preceded by up to 1 KB of junk (mail or web wrappers); so does this.
    private const int HeaderWindow = 1024;
    private const int TrailerWindow = 2048;

    /// <summary>True when the content is a PDF, whatever the file is called.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, HeaderWindow)].IndexOf(Header) >= 0;

    public static SourceText Read(string file, byte[] bytes)
    {
        if (bytes.AsSpan(Math.Max(0, bytes.Length - TrailerWindow)).IndexOf(EndMarker) < 0)
        {
            throw new DocumentException(file, 0, "truncated PDF: no end-of-file marker (%%EOF); the download or copy was cut short");
        }

        List<IReadOnlyList<string>> pages;
        try
        {
            pages = ReadPages(bytes);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentException(file, 0, "encrypted PDF: it needs a password to open; save an unprotected copy");
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException
            or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException or NotSupportedException or IOException)
        {
            throw new DocumentException(file, 0, $"damaged PDF: {ex.Message}");
        }

        if (pages.All(p => p.Count == 0))
        {
            var count = pages.Count == 1 ? "its page is" : $"its {pages.Count} pages are";
            throw new DocumentException(file, 0, $"no text layer; needs OCR ({count} images only)");
        }

        return SourceText.FromLines(file, EncodingName, Lines(pages));
    }

    private static List<IReadOnlyList<string>> ReadPages(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { ClipPaths = false, SkipMissingFonts = true });
        var pages = new List<IReadOnlyList<string>>(document.NumberOfPages);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var laid = PdfPageLayout.Lines(document.GetPage(number));
            pages.Add([.. laid.Select(l => l.Raw)]);
        }

        return pages;
    }

    private static List<TextLine> Lines(List<IReadOnlyList<string>> pages)
    {
        var chrome = PdfChrome.Find(pages);
        var lines = new List<TextLine>(pages.Sum(p => p.Count));
        for (var p = 0; p < pages.Count; p++)
        {
            for (var i = 0; i < pages[p].Count; i++)
            {
                var raw = pages[p][i];
                if (raw.Length == 0 && !BetweenContent(pages[p], chrome[p], i))
                {
                    continue;
                }

                var text = TextNormalizer.Normalize(JoinSpacedLetters(raw));
                lines.Add(new TextLine(lines.Count + 1, text, raw, p + 1, chrome[p].Contains(i)));
            }
        }

        return lines;
    }

    /// <summary>
    /// A blank line stands for a gap between two paragraphs; the gap above a footer or below a header is the
    /// page's margin, and keeping it would cut an item that a page break splits into two paragraphs.
    /// </summary>
    private static bool BetweenContent(IReadOnlyList<string> page, HashSet<int> chrome, int blank) =>
        blank > 0 && blank < page.Count - 1 && !chrome.Contains(blank - 1) && !chrome.Contains(blank + 1);

    /// <summary>
    /// A title printed with its letters spaced out ("予 算 の 概 要") reads as one word: three or more single
    /// CJK letters with one kind of separator between them are joined. The printed form stays in Raw.
    /// </summary>
    internal static string JoinSpacedLetters(string raw)
    {
        var text = raw.Trim();
        if (text.Length < 5 || !IsCjkLetter(text[0]))
        {
            return raw;
        }

        var separator = text[1];
        if (separator is not (' ' or '\t' or '\u3000'))
        {
            return raw;
        }

        var sb = new StringBuilder(text.Length / 2 + 1);
        for (var i = 0; i < text.Length; i += 2)
        {
            if (!IsCjkLetter(text[i]) || (i + 1 < text.Length && text[i + 1] != separator))
            {
                return raw;
            }

            sb.Append(text[i]);
        }

        return sb.Length >= 3 ? sb.ToString() : raw;
    }

    private static bool IsCjkLetter(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or '\u30FC'
            or (>= '\u2E80' and <= '\u2FD5');
}
