using System.Buffers;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Lines of the page around the document rather than the document: CMS and document-sharing site controls
/// (文字の大きさ, 背景色の変更, ページ上部へ戻る, Download, Share), breadcrumbs (ホーム > … > 予算), links to
/// the PDF with its file size, image alt text (…のイラスト) and a placeholder for a table left out.
/// </summary>
internal static class SiteChrome
{
    private static readonly string[] Controls =
    [
        "文字の大きさ", "文字サイズ", "背景色の変更", "背景色", "音声読み上げ", "ページ上部へ", "このページの上へ", "このページの先頭へ", "ページの先頭へ",
        "関連する資料はありません", "印刷用ページ", "PDFファイル", "Adobe Acrobat", "![](", "PDF版でご確認",
    ];

    // One vectorised search for all control words instead of a Contains per word on every line.
    private static readonly SearchValues<string> ControlWords = SearchValues.Create(Controls, StringComparison.Ordinal);

    private static readonly string[] AltTextEndings = ["のイラスト", "のイメージ", "の写真", "の画像", "のアイコン"];

    private static readonly string[] Buttons = ["Download", "Share", "ダウンロード", "シェア", "印刷", "閉じる"];

    /// <summary>A site control, whatever its marker (• 関連する資料はありません。 is not an item).</summary>
    public static bool IsControl(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length > 60)
        {
            return false;
        }

        if (t.IndexOfAny(ControlWords) >= 0)
        {
            return true;
        }

        foreach (var b in Buttons)
        {
            if (t.SequenceEqual(b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A control, breadcrumb, file link or alt text, for a line that is not an item or heading.</summary>
    public static bool IsChrome(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length > 60)
        {
            return false;
        }

        if (IsControl(text))
        {
            return true;
        }

        foreach (var e in AltTextEndings)
        {
            if (t.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return IsBreadcrumb(t) || IsFileSize(t);
    }

    // ホーム > くらし・行政 > 財政 > 予算
    private static bool IsBreadcrumb(ReadOnlySpan<char> t) => t.Count(" > ") >= 2 || t.StartsWith("ホーム >") || t.StartsWith("トップページ >");

    // 関連資料 予算の重点(PDF: 1.4MB), (資料2(128KB)を参照)
    private static bool IsFileSize(ReadOnlySpan<char> t) =>
        (t.Contains("KB)", StringComparison.Ordinal) || t.Contains("MB)", StringComparison.Ordinal) || t.Contains("KB]", StringComparison.Ordinal) || t.Contains("MB]", StringComparison.Ordinal))
        && t.Length <= 60;
}
