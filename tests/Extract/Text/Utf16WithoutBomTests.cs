using System.Text;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Tests.Extract.Text;

/// <summary>UTF-16 without a byte-order mark decodes when it is clearly UTF-16; binary with NULs stays binary.</summary>
public sealed class Utf16WithoutBomTests
{
    private const string Sample = "令和九年度 予算の要点\r\n１ 緑の広場を整えます（新規）\n2 ほしぞら図書室 3,210千円\n";

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Clearly_utf16_text_without_a_bom_decodes(bool bigEndian, string name)
    {
        var bytes = new UnicodeEncoding(bigEndian, false).GetBytes(Sample);
        var decoded = TextDecoder.Decode(bytes, "plain.txt");
        Assert.Equal((name, Sample), (decoded.EncodingName, decoded.Text));
    }

    [Fact]
    public void Binary_with_nul_bytes_is_still_binary()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var ex = Assert.Throws<DocumentException>(() => TextDecoder.Decode(bytes, "image.png"));
        Assert.Equal("binary content (NUL byte) — not a text document", ex.Reason);
    }
}
