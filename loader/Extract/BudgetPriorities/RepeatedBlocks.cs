using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// A paragraph printed twice in a row (PDF text layers do this): an item and at least one more line, repeated
/// line for line right after themselves. The copy is read as the original, not as a second item. A single
/// line printed twice is left alone: two items may well have the same wording.
/// </summary>
internal static class RepeatedBlocks
{
    private const int MaxBlock = 8;

    /// <summary>For each line, the index of the line it repeats, or -1; null when nothing repeats.</summary>
    public static int[]? Find(List<TextLine> lines, BudgetLine[] classes)
    {
        int[]? result = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (classes[i].Kind != LineKind.Item || (result is not null && result[i] >= 0))
            {
                continue;
            }

            var size = BlockSize(lines, i);
            if (size == 0)
            {
                continue;
            }

            result ??= [.. Enumerable.Repeat(-1, lines.Count)];
            for (var k = 0; k < size; k++)
            {
                result[i + size + k] = i + k;
            }
        }

        return result;
    }

    private static int BlockSize(List<TextLine> lines, int i)
    {
        for (var size = 2; size <= MaxBlock && i + (2 * size) <= lines.Count; size++)
        {
            if (!string.Equals(lines[i + size].Text, lines[i].Text, StringComparison.Ordinal))
            {
                continue;
            }

            var same = true;
            for (var k = 1; k < size && same; k++)
            {
                same = string.Equals(lines[i + k].Text, lines[i + size + k].Text, StringComparison.Ordinal);
            }

            if (same && lines.Skip(i).Take(size).Count(l => !l.IsBlank) >= 2)
            {
                return size;
            }
        }

        return 0;
    }
}
