using System.Text;
using BudgetWarehouse.Models;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// A corpus of bad inputs (every kind the loader promises to reject, plus damaged copies of a seed) loads beside
/// good documents: the good ones load, and each bad one is recorded in etl_document with a reason. Copies of the
/// seed in CP932, UTF-16 (with and without BOM) and UTF-8 with BOM load with the same counts as the UTF-8 original.
/// </summary>
public sealed class BadInputCorpusTests
{
    private const int MaxFileBytes = 200_000;
    private const int MaxLineLength = 5_000;

    private static readonly Encoding Cp932 = GetCp932();

    private static Encoding GetCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    [Fact]
    public async Task Bad_inputs_are_rejected_with_a_reason_and_the_good_documents_load()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var seed = ServiceTestSupport.BudgetSeed;
        var seedText = new UTF8Encoding(false, true).GetString(seed);

        // Good documents: the original and copies in every supported encoding (different bytes, so different ids).
        var good = new Dictionary<string, byte[]>
        {
            ["good/original.txt"] = seed,
            ["good/cp932.txt"] = Cp932.GetBytes(seedText),
            ["good/utf16le.txt"] = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(seedText)],
            ["good/utf16be.txt"] = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(seedText)],
            ["good/utf16le-no-bom.txt"] = Encoding.Unicode.GetBytes(seedText),
            ["good/utf16be-no-bom.txt"] = Encoding.BigEndianUnicode.GetBytes(seedText),
            ["good/utf8bom.txt"] = [0xEF, 0xBB, 0xBF, .. seed],
        };

        var random = new Random(20260401);
        var noise = new byte[4096];
        random.NextBytes(noise);
        var noNul = noise.Select(b => b == 0 ? (byte)1 : b).ToArray();
        var prose = "今日は良い天気です。\n明日も晴れるでしょう。\n予算について少し考えました。\n";

        // Bad documents and a word their reason must contain (null: any reason).
        var bad = new List<(string Name, byte[] Bytes, string? Reason)>
        {
            ("bad/empty.txt", [], "empty"),
            ("bad/bom-only.txt", [0xEF, 0xBB, 0xBF], "no text"),
            ("bad/blank-lines.txt", "\n\n   \n\t\n"u8.ToArray(), "no text"),
            ("bad/image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "NUL"),
            ("bad/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01], "NUL"),
            ("bad/report.pdf", [.. "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Length 10 >>\nstream\n"u8.ToArray(), .. noise[..512]], null),
            ("bad/letter.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00], "NUL"),
            ("bad/archive.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], "NUL"),
            ("bad/noise.bin", noise, null),
            ("bad/noise-without-nul.bin", noNul, null),
            ("bad/control-chars.txt", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\u0001\u0002\u0003abc\u0004\u0005\u0006\n", 50))), "control characters"),
            ("bad/nul-in-text.txt", [.. Encoding.UTF8.GetBytes(seedText[..2000]), 0, .. Encoding.UTF8.GetBytes(seedText[2000..4000])], "NUL"),
            ("bad/too-big.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seedText, (MaxFileBytes / seed.Length) + 1))), "limit"),
            ("bad/long-line.txt", Encoding.UTF8.GetBytes("1 予算\n" + new string('あ', MaxLineLength + 1) + "\n"), "longer than"),
            ("bad/prose-ja.txt", Encoding.UTF8.GetBytes(prose), "no recognisable structure"),
            ("bad/prose-en.txt", "Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.\n"u8.ToArray(), "no recognisable structure"),
            ("bad/table.csv", "a,b,c\n1,2,3\n4,5,6\n"u8.ToArray(), "no recognisable structure"),
            ("bad/page.html", Encoding.UTF8.GetBytes("<html><body><h1>予算</h1><p>本文</p></body></html>\n"), "no recognisable structure"),
            ("bad/data.json", "{\"budget\": [1, 2, 3]}\n"u8.ToArray(), "no recognisable structure"),
            ("bad/prose-cp932.txt", Cp932.GetBytes(prose), "no recognisable structure"),
            ("bad/prose-utf16be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(prose)], "no recognisable structure"),
            ("bad/truncated-1.txt", CutInsideCharacter(seed, seed.Length / 3), "truncated"),
            ("bad/truncated-2.txt", CutInsideCharacter(seed, seed.Length * 2 / 3), "truncated"),
            ("bad/truncated-3.txt", CutInsideCharacter(seed, seed.Length - 64), "truncated"),
            ("bad/damaged-utf8.txt", [.. seed[..(seed.Length / 2)], 0xFF, 0xFE, .. seed[(seed.Length / 2)..]], "invalid UTF-8"),
            ("bad/utf16-odd-length.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(prose), 0x41], "UTF-16"),
            ("bad/latin1.txt", Encoding.Latin1.GetBytes("Café crème brûlée à la carte\nPâté\n"), null),
            ("zz/duplicate-of-original.txt", seed, "duplicate"),
        };

        foreach (var (name, bytes) in good)
        {
            seeds.Write(name, bytes);
        }

        foreach (var (name, bytes, _) in bad)
        {
            seeds.Write(name, bytes);
        }

        // Links out of the documents folder: to a file, to a folder (holding a good copy that must not load), dangling.
        var outside = Path.Combine(temp.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "secret.txt"), ServiceTestSupport.BudgetSeedVariant(7));
        File.CreateSymbolicLink(Path.Combine(seeds.DocumentsDir, "bad", "link-out.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(seeds.DocumentsDir, "bad", "linked-folder"), outside);
        File.CreateSymbolicLink(Path.Combine(seeds.DocumentsDir, "bad", "dangling.txt"), Path.Combine(outside, "gone.txt"));
        var linked = new[] { "bad/link-out.txt", "bad/linked-folder/secret.txt", "bad/dangling.txt" };

        // Manifest: one good row, then malformed rows and rows pointing outside documents/ (line numbers are 1-based).
        var manifest = new[]
        {
            "file,family,municipality,fiscal_year,title",
            "good/original.txt,budget_priorities,テスト市,2020,原本",
            "../outside/secret.txt,budget_priorities,テスト市,2020,上の階層",
            "/etc/hostname,budget_priorities,テスト市,2020,絶対パス",
            "good/../../outside/secret.txt,,,,",
            "..\\outside\\secret.txt,,,,",
            "~/secret.txt,,,,",
            "good/cp932.txt,budget_priorities,テスト市,2020,多すぎる,列",
            "bad\"quote.txt,,,,",
            "good/utf16le.txt,no_such_family,,,",
            "good/utf16be.txt,,,R2,",
            ",budget_priorities,,2020,",
            "good/original.txt,,,,重複",
            "missing/nowhere.txt,,,,",
        };
        await File.WriteAllTextAsync(seeds.ManifestPath, string.Join("\n", manifest) + "\n");
        // Line 10 only names an unknown family: a warning, the rest of the row used (ManifestWarningTests).
        var badManifestLines = Enumerable.Range(3, manifest.Length - 2).Where(l => l != 10).ToList();

        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await ServiceTestSupport.Pipeline(seeds.Root, warehouse,
            ("Warehouse:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Warehouse:MaxLineLength", MaxLineLength.ToString(System.Globalization.CultureInfo.InvariantCulture))).RunAsync(CancellationToken.None);

        Assert.True(bad.Count + linked.Length + badManifestLines.Count >= 30);
        Assert.NotNull(outcome.SnapshotId);
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        var runId = db.ExecuteScalar<string>("select run_id from etl_run order by started_at desc limit 1");
        var records = db.Query<EtlDocumentRow>(
            "select run_id as RunId, file_name as FileName, document_id as DocumentId, status as Status, error as Error, error_line as ErrorLine from etl_document where run_id = $r",
            new { r = runId }).ToDictionary(r => r.FileName, StringComparer.Ordinal);

        foreach (var name in good.Keys)
        {
            Assert.True(records.TryGetValue(name, out var r) && r.Status == "loaded", $"{name} should load: {r?.Status} {r?.Error}");
        }

        var failures = new List<string>();
        foreach (var (name, _, reason) in bad)
        {
            Expect(name, reason);
        }

        foreach (var name in linked)
        {
            Expect(name, "outside the documents folder");
        }

        foreach (var line in badManifestLines)
        {
            Expect($"manifest.csv:{line}", null);
        }

        Assert.True(failures.Count == 0, "not rejected as expected:\n" + string.Join("\n", failures));
        Assert.Equal(good.Count, db.ExecuteScalar<long>("select count(*) from dim_document"));

        // Same counts, table by table, for every encoded copy as for the UTF-8 original.
        var tables = db.Query<string>("select table_name from duckdb_columns() where database_name = current_database() and column_name = 'document_id' and table_name not like 'etl\\_%' escape '\\'").ToList();
        string Counts(string file)
        {
            var id = records[file].DocumentId;
            return string.Join(", ", tables.Select(t => $"{t}={db.ExecuteScalar<long>($"select count(*) from \"{t}\" where document_id = $id", new { id })}"));
        }

        var expected = Counts("good/original.txt");
        Assert.Contains("fact_initiative=", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("fact_initiative=0", expected, StringComparison.Ordinal);
        foreach (var name in good.Keys)
        {
            Assert.Equal(expected, Counts(name));
        }

        void Expect(string name, string? reason)
        {
            if (!records.TryGetValue(name, out var r))
            {
                failures.Add($"{name}: no etl_document row");
            }
            else if (r.Status != "rejected" || string.IsNullOrWhiteSpace(r.Error))
            {
                failures.Add($"{name}: status {r.Status}, error '{r.Error}'");
            }
            else if (reason is not null && !r.Error.Contains(reason, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{name}: reason '{r.Error}' does not mention '{reason}'");
            }
        }
    }

    /// <summary>The first <paramref name="near"/>-ish bytes, cut after the lead byte of a multi-byte character.</summary>
    private static byte[] CutInsideCharacter(byte[] utf8, int near)
    {
        var i = near;
        while (i < utf8.Length && utf8[i] < 0xE0)
        {
            i++;
        }

        return utf8[..(i + 1)];
    }
}
