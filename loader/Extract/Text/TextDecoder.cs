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
            return new DecodedText(DecodeStrict(StrictUtf8, bytes[3..], file, "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], file, "UTF-16LE"), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], file, "UTF-16BE"), "utf-16be");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DocumentException(file, LineOf(bytes, nul), "binary content (NUL byte) — not a text document");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8");
        }

        try
        {
            return new DecodedText(Cp932.Value.GetString(bytes), "cp932");
        }
        catch (DecoderFallbackException)
        {
            var bad = FirstInvalidUtf8(bytes);
            throw new DocumentException(file, LineOf(bytes, bad),
                "not valid UTF-8, UTF-16 or Shift_JIS/CP932 text (binary or truncated file)");
        }
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

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var result = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (result != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return 0;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) =>
        offset <= 0 ? 1 : bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;
}
