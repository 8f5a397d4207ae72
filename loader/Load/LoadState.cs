using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BudgetWarehouse.Loader.Load;

/// <summary>A document whose rows a snapshot holds, with the key of the input it was built from.</summary>
/// <remarks><see cref="DepartmentChanges"/>: the reorganisations the document states, needed for dim_department when it is carried.</remarks>
internal sealed record LoadStateDocument(string FileName, string DocumentId, string Sha256, string InputKey, long RowCount, string Status, string? Family,
    IReadOnlyList<Transform.Departments.StatedChange>? DepartmentChanges = null);

/// <summary>
/// What a snapshot was built from, kept beside it as <c>load-state.json</c> (not part of the lake). The next
/// load compares its inputs with it: a document whose input key is unchanged and whose code fingerprint is the
/// same is carried over instead of parsed again; when the inputs digest is the same nothing has changed at all.
/// A missing or unreadable file only means a full load. <see cref="CopyGeneration"/> counts the loads since the
/// database was last built fresh (copies accumulate deleted rows; every so often it is rebuilt).
/// </summary>
internal sealed record LoadState(string Fingerprint, string InputsDigest, IReadOnlyList<LoadStateDocument> Documents, int CopyGeneration = 0)
{
    public const string FileName = "load-state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static LoadState? TryRead(string? snapshotDir)
    {
        if (snapshotDir is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(snapshotDir, FileName);
            return File.Exists(path) ? JsonSerializer.Deserialize<LoadState>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string snapshotDir, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(Path.Combine(snapshotDir, FileName), JsonSerializer.Serialize(this, Json) + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Identifies everything besides a document's own bytes that shapes its rows: the loader's assemblies
    /// (deterministic builds give a new module id only when the code changes), the sql/ scripts and the
    /// seeds' reference data. When it changes, every document is parsed again.
    /// </summary>
    public static string CodeFingerprint(string seedsDir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        Add(typeof(LoadState).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(Models.EtlDocumentRow).Assembly.ManifestModule.ModuleVersionId.ToString());
        AddFolder(hash, SqlScripts.Root, "*.sql");
        AddFolder(hash, Path.Combine(seedsDir, "reference"), "*");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The key of one input: its bytes, its name and its manifest row.</summary>
    public static string InputKey(string sha256, string fileName, ManifestEntry? manifest)
    {
        var text = string.Join('\u001f', sha256, fileName, manifest?.Family ?? "", manifest?.Municipality ?? "",
            manifest?.FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", manifest?.Title ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>A digest of the whole input: the fingerprint, the manifest's bytes and every file with its key or error.</summary>
    public static string Digest(string fingerprint, byte[]? manifestBytes, IEnumerable<string> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(fingerprint + "\n"));
        hash.AppendData(manifestBytes is null ? [] : SHA256.HashData(manifestBytes));
        foreach (var e in entries.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AddFolder(IncrementalHash hash, string dir, string pattern)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
    }
}
