using System.Diagnostics;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>Text-extraction speed in pages per second, for <c>bw bench</c>.</summary>
internal static class PdfThroughput
{
    /// <summary>The test PDFs the bench reads, relative to the repository root.</summary>
    public const string DefaultFolder = "tests/fixtures/pdf";

    /// <summary>
    /// Reads every readable PDF of <paramref name="folder"/> until at least <paramref name="minPages"/> pages
    /// have been laid out (the first pass, which also loads the code, is not counted). Null when the folder
    /// has no readable PDF.
    /// </summary>
    public static (int Pages, int Files, double Seconds)? Measure(string folder, int minPages = 200)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var files = new List<(string Name, byte[] Bytes, int Pages)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                var source = PdfText.Read(Path.GetFileName(path), bytes);
                files.Add((Path.GetFileName(path), bytes, source.Lines.Count == 0 ? 0 : source.Lines[^1].Page ?? 0));
            }
            catch (DocumentException)
            {
                // The bad-PDF fixtures (encrypted, image-only) are there to be refused, not timed.
            }
        }

        var perPass = files.Sum(f => f.Pages);
        if (perPass == 0)
        {
            return null;
        }

        var pages = 0;
        var watch = Stopwatch.StartNew();
        while (pages < minPages)
        {
            foreach (var (name, bytes, count) in files)
            {
                PdfText.Read(name, bytes);
                pages += count;
            }
        }

        return (pages, files.Count, watch.Elapsed.TotalSeconds);
    }
}
