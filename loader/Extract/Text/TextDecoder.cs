using System.Buffers;
using System.Text;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>The result of decoding a document's bytes.</summary>
internal sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Detects and decodes the encodings Japanese municipal files come in: UTF-8 (with or without BOM),
/// UTF-16 with BOM, and Shift_JIS / CP932. Detection, not configuration: a folder mixes them.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Cp932 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="DocumentException"/> naming the file when no supported encoding fits.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentException(file, 0, "empty file");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Checked(new DecodedText(DecodeStrict(StrictUtf8, bytes[3..], file, "UTF-8"), "utf-8-bom"), file);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Checked(new DecodedText(DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], file, "UTF-16LE"), "utf-16le"), file);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Checked(new DecodedText(DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], file, "UTF-16BE"), "utf-16be"), file);
        }

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return Checked(new DecodedText(DecodeStrict(new UnicodeEncoding(utf16.BigEndian, false, true), bytes, file, utf16.Name), utf16.Name.ToLowerInvariant()), file);
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DocumentException(file, LineOf(bytes, nul), "binary content (NUL byte) — not a text document");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Checked(new DecodedText(StrictUtf8.GetString(bytes), "utf-8"), file);
        }

        // Not valid UTF-8. A file that is UTF-8 up to a damaged or cut-off spot must not be read as Shift_JIS:
        // that would "succeed" with mojibake. Real CP932 text almost never contains a run of valid multi-byte
        // UTF-8 sequences, so a few of them before the first bad byte mean the file is damaged UTF-8.
        var (bad, multiByte, truncated) = ScanUtf8(bytes);
        if (truncated)
        {
            throw new DocumentException(file, LineOf(bytes, bad), $"truncated UTF-8: the file ends inside a character (byte {bad:N0} of {bytes.Length:N0}); incomplete copy or download?");
        }

        if (multiByte >= 4)
        {
            throw new DocumentException(file, LineOf(bytes, bad), $"invalid UTF-8 byte sequence at byte {bad:N0} (the text before it is UTF-8): damaged file or mixed encodings");
        }

        try
        {
            return Checked(new DecodedText(Cp932.Value.GetString(bytes), "cp932"), file);
        }
        catch (DecoderFallbackException)
        {
            throw new DocumentException(file, LineOf(bytes, bad),
                "not valid UTF-8, UTF-16 or Shift_JIS/CP932 text (binary or damaged file)");
        }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark, when it is clearly that: an even length, no NUL code unit, at least one
    /// line break, and nine code units in ten ASCII text, kana, kanji or full-width forms in one byte order. The
    /// NULs of ASCII characters in UTF-16 would otherwise make such a file "binary".
    /// </summary>
    private static (bool BigEndian, string Name)? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0 || bytes.IndexOf((byte)0) < 0)
        {
            return null;
        }

        foreach (var bigEndian in (ReadOnlySpan<bool>)[false, true])
        {
            int plausible = 0, breaks = 0, units = bytes.Length / 2;
            var clean = true;
            for (var i = 0; i < bytes.Length && clean; i += 2)
            {
                var unit = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
                clean = unit != 0;
                breaks += unit == '\n' ? 1 : 0;
                plausible += unit is '\n' or '\r' or '\t' or (>= 0x20 and < 0x7F) or (>= 0x3000 and < 0xA000) or (>= 0xFF00 and < 0xFFF0) ? 1 : 0;
            }

            if (clean && breaks > 0 && plausible * 10 >= units * 9)
            {
                return (bigEndian, bigEndian ? "UTF-16BE" : "UTF-16LE");
            }
        }

        return null;
    }

    /// <summary>Rejects a decoding that is full of control characters: binary data that happened to decode.</summary>
    private static DecodedText Checked(DecodedText decoded, string file)
    {
        // Most documents have no character the loop below counts: say so with three vectorised searches.
        var text = decoded.Text.AsSpan();
        if (text.IndexOfAny(AsciiControls) < 0 && text.IndexOfAnyInRange('\u007F', '\u009F') < 0 && !text.Contains('\uFFFD'))
        {
            return decoded;
        }

        var controls = 0;
        var firstLine = 0;
        var line = 1;
        foreach (var c in decoded.Text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if ((char.IsControl(c) && c is not ('\t' or '\r' or '\f' or '\v' or '\u0085')) || c == '\uFFFD')
            {
                controls++;
                firstLine = firstLine == 0 ? line : firstLine;
            }
        }

        if (controls > Math.Max(2, decoded.Text.Length / 200))
        {
            throw new DocumentException(file, firstLine, $"binary content ({controls:N0} control characters as {decoded.EncodingName}) — not a text document");
        }

        return decoded;
    }

    // C0 controls other than the tab, line feed, vertical tab, form feed and carriage return.
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\v' or '\f' or '\r'))]);

    /// <summary>First invalid offset, how many multi-byte characters came before it, and whether it is a cut-off character at the end.</summary>
    private static (int Offset, int MultiByte, bool Truncated) ScanUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        var multiByte = 0;
        while (offset < bytes.Length)
        {
            var result = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (result == System.Buffers.OperationStatus.NeedMoreData)
            {
                return (offset, multiByte, multiByte > 0);
            }

            if (result != System.Buffers.OperationStatus.Done)
            {
                return (offset, multiByte, false);
            }

            multiByte += consumed > 1 ? 1 : 0;
            offset += consumed;
        }

        return (0, multiByte, false);
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string file, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentException(file, 0, $"invalid {name} byte sequence at byte {ex.Index}");
        }
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) =>
        offset <= 0 ? 1 : bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;
}
