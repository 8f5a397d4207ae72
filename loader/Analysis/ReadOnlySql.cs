using System.Text;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>
/// Checks analyst SQL before it reaches DuckDB: exactly one statement, and one that only reads. The sandbox
/// (<see cref="WarehouseDatabase"/>) would stop a write anyway; this gives the user a message that names what
/// was refused instead of DuckDB's, and stops a second statement from being dropped or run unseen.
/// </summary>
internal static class ReadOnlySql
{
    /// <summary>Statements that start with these words read only (DuckDB's FROM-first and shorthand forms included).</summary>
    private static readonly HashSet<string> Reading = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "with", "from", "values", "table", "show", "describe", "desc", "summarize",
    };

    /// <summary>PRAGMAs that only report; every other one changes a setting or the file.</summary>
    private static readonly HashSet<string> ReadingPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "show_tables", "show_tables_expanded", "show_databases", "database_list", "database_size",
        "storage_info", "metadata_info", "version", "platform", "functions", "collations", "show", "user_agent",
    };

    /// <summary>The single reading statement in <paramref name="sql"/>, without a trailing semicolon; otherwise a <see cref="QueryException"/>.</summary>
    public static string Single(string sql)
    {
        var statements = Split(sql);
        if (statements.Count == 0)
        {
            throw new QueryException("no SQL statement given: pass one SELECT as an argument or with -f FILE");
        }

        if (statements.Count > 1)
        {
            throw new QueryException($"query runs exactly one statement; this text holds {statements.Count} (run them one call each)");
        }

        var refused = Refusal(statements[0]);
        return refused is null
            ? statements[0]
            : throw new QueryException($"query is read-only: {refused} is not allowed (it reads the warehouse with SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN; load new documents with 'bw load')");
    }

    /// <summary>The statements of a script, each trimmed, split at semicolons outside quotes and comments.</summary>
    public static List<string> Split(string sql)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        for (var i = 0; i < sql.Length;)
        {
            var end = SkipQuotedOrComment(sql, i, out var isComment);
            if (end > i)
            {
                current.Append(sql, i, end - i);
                hasCode |= !isComment;
                i = end;
                continue;
            }

            if (sql[i] == ';')
            {
                Flush();
            }
            else
            {
                current.Append(sql[i]);
                hasCode |= !char.IsWhiteSpace(sql[i]);
            }

            i++;
        }

        Flush();
        return statements;

        void Flush()
        {
            if (hasCode)
            {
                statements.Add(current.ToString().Trim());
            }

            current.Clear();
            hasCode = false;
        }
    }

    /// <summary>What is refused in one statement ("COPY", "PRAGMA force_checkpoint"), or null when it only reads.</summary>
    private static string? Refusal(string statement)
    {
        var words = Words(statement).ToList();
        if (words.Count == 0)
        {
            return "an empty statement";
        }

        var first = words[0];
        if (first == "(" || Reading.Contains(first))
        {
            return null;
        }

        if (first.Equals("explain", StringComparison.OrdinalIgnoreCase))
        {
            // EXPLAIN ANALYZE runs its statement, so what follows must read too.
            var rest = words.Skip(1).SkipWhile(w => w.Equals("analyze", StringComparison.OrdinalIgnoreCase) || w.Equals("analyse", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
            return rest is not null && (rest == "(" || Reading.Contains(rest)) ? null : "EXPLAIN of a statement that does not read";
        }

        if (first.Equals("pragma", StringComparison.OrdinalIgnoreCase))
        {
            var name = words.Count > 1 ? words[1] : "";
            return ReadingPragmas.Contains(name) ? null : $"PRAGMA {name}".TrimEnd();
        }

        return first.ToUpperInvariant();
    }

    /// <summary>The words and opening parentheses of a statement, comments and quoted text left out.</summary>
    private static IEnumerable<string> Words(string statement)
    {
        var i = 0;
        while (i < statement.Length)
        {
            var end = SkipQuotedOrComment(statement, i, out _);
            if (end > i)
            {
                i = end;
                continue;
            }

            var c = statement[i];
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < statement.Length && (char.IsLetterOrDigit(statement[i]) || statement[i] == '_'))
                {
                    i++;
                }

                yield return statement[start..i];
                continue;
            }

            if (c == '(')
            {
                yield return "(";
            }

            i++;
        }
    }

    /// <summary>The index after a quoted string, quoted identifier, dollar-quoted string or comment starting at <paramref name="i"/>; <paramref name="i"/> when none starts there.</summary>
    private static int SkipQuotedOrComment(string sql, int i, out bool isComment)
    {
        isComment = false;
        var c = sql[i];
        var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
        if (c is '\'' or '"')
        {
            // A doubled quote is an escaped quote: the scan simply restarts after it.
            var close = sql.IndexOf(c, i + 1);
            return close < 0 ? sql.Length : close + 1;
        }

        if (c == '-' && next == '-')
        {
            isComment = true;
            var eol = sql.IndexOf('\n', i);
            return eol < 0 ? sql.Length : eol + 1;
        }

        if (c == '/' && next == '*')
        {
            isComment = true;
            var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? sql.Length : close + 2;
        }

        if (c == '$' && DollarTag(sql, i) is { } tag)
        {
            var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            return close < 0 ? sql.Length : close + tag.Length;
        }

        return i;
    }

    /// <summary>The opening tag of a dollar-quoted string ($$ or $name$) at <paramref name="i"/>, or null ($1 is a parameter).</summary>
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        while (j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_' || (j > i + 1 && char.IsDigit(sql[j]))))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }
}
