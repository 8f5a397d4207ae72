namespace BudgetWarehouse.Loader.Load;

/// <summary>A file to load, with its manifest entry if it has one.</summary>
internal sealed record DocumentInput(string FileName, string FullPath, ManifestEntry? Manifest);

/// <summary>Finds the documents of a seeds folder and matches them with the manifest.</summary>
internal static class DocumentInputs
{
    public const string DocumentsFolder = "documents";

    /// <summary>Files under seeds/documents (recursively, hidden and editor temporary files skipped), ordered by name.</summary>
    public static List<DocumentInput> Discover(string seedsDir, IReadOnlyList<ManifestEntry> manifest, List<ManifestProblem> problems)
    {
        var docsDir = Path.GetFullPath(Path.Combine(seedsDir, DocumentsFolder));
        var realDocsDir = NativeMethods.RealPath(docsDir) ?? docsDir;
        var byFile = manifest.ToDictionary(m => Normalize(m.File), StringComparer.Ordinal);
        var inputs = new List<DocumentInput>();
        if (Directory.Exists(docsDir))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = true };
            foreach (var path in Directory.EnumerateFiles(docsDir, "*", options))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue;
                }

                var relative = Normalize(Path.GetRelativePath(docsDir, path));
                if (relative.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // The bytes of the name are not UTF-8 (the runtime replaced them), so the name cannot be opened again.
                    problems.Add(new ManifestProblem(0, relative, "file name is not valid UTF-8: rename the file"));
                    continue;
                }

                // A link to a file, or a file inside a linked folder, must stay inside the documents folder.
                if (NativeMethods.RealPath(path) is not { } real || !IsInside(realDocsDir, real))
                {
                    problems.Add(new ManifestProblem(0, relative, "symbolic link pointing outside the documents folder (or a dangling link)"));
                    continue;
                }

                byFile.Remove(relative, out var entry);
                if (FileKinds.NotRegular(real) is { } kind)
                {
                    problems.Add(new ManifestProblem(0, relative, $"{kind}, not a regular file: skipped without opening it"));
                    continue;
                }

                inputs.Add(new DocumentInput(relative, path, entry));
            }
        }

        foreach (var missing in byFile.Values)
        {
            problems.Add(new ManifestProblem(missing.Line, missing.File, $"listed in {Manifest.FileName} but not found in {DocumentsFolder}/"));
        }

        inputs.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return inputs;
    }

    private static string Normalize(string relative) => relative.Replace('\\', '/');

    private static bool IsInside(string dir, string path) =>
        Path.GetFullPath(path).StartsWith(dir.TrimEnd('/') + "/", StringComparison.Ordinal);
}
