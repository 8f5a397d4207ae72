namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>One line as the parsers see it: the normalised text, the text as printed, and where it is.</summary>
/// <param name="Number">1-based physical line number in the file.</param>
/// <param name="Text">Normalised working copy (see <see cref="TextNormalizer"/>).</param>
/// <param name="Raw">The text as printed.</param>
/// <param name="Page">1-based page the line is printed on, when the source has pages (PDF); null for plain text.</param>
/// <param name="IsChrome">
/// True when the decoder already knows the line is page furniture (a running header, footer or page number
/// repeated across pages), so parsers keep it out of the outline and record it with the role <c>chrome</c>.
/// </param>
internal readonly record struct TextLine(int Number, string Text, string Raw, int? Page = null, bool IsChrome = false)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A decoded document split into physical lines, each with its normalised working copy.</summary>
internal sealed class SourceText
{
    private SourceText(string file, string encoding, IReadOnlyList<TextLine> lines)
    {
        File = file;
        Encoding = encoding;
        Lines = lines;
    }

    public string File { get; }

    public string Encoding { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    public static SourceText FromString(string file, string text, string encoding = "utf-8")
    {
        // Sized from the line feeds (a hint only: EnumerateLines also breaks at lone CRs and other separators).
        var lines = new List<TextLine>(text.AsSpan().Count('\n') + 1);
        var number = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            number++;
            var raw = range.ToString();
            lines.Add(new TextLine(number, TextNormalizer.Normalize(raw), raw));
        }

        // A trailing newline yields no extra line: EnumerateLines reports an empty last segment for it.
        if (lines.Count > 0 && text.Length > 0 && (text[^1] == '\n' || text[^1] == '\r') && lines[^1].Raw.Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new SourceText(file, encoding, lines);
    }

    /// <summary>A document whose lines a decoder has already laid out (a PDF's, with pages).</summary>
    public static SourceText FromLines(string file, string encoding, IReadOnlyList<TextLine> lines) => new(file, encoding, lines);

    /// <summary>Decodes a text document, or reads a PDF's text layer when the content is a PDF.</summary>
    public static SourceText FromBytes(string file, byte[] bytes) =>
        PdfText.IsPdf(bytes) ? PdfText.Read(file, bytes) : FromBytes(file, (ReadOnlySpan<byte>)bytes);

    public static SourceText FromBytes(string file, ReadOnlySpan<byte> bytes)
    {
        if (PdfText.IsPdf(bytes))
        {
            return PdfText.Read(file, bytes.ToArray());
        }

        if (file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            // Usually a web page (an error or a login page) saved under the PDF's name.
            throw new DocumentException(file, 0, "not a PDF: named .pdf, but the content has no %PDF- header");
        }

        var decoded = TextDecoder.Decode(bytes, file);
        return FromString(file, decoded.Text, decoded.EncodingName);
    }
}
