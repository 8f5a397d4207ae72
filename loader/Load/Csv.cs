namespace BudgetWarehouse.Loader.Load;

/// <summary>A minimal RFC 4180 reader that keeps the line each record starts on.</summary>
internal static class Csv
{
    internal sealed record Record(int Line, List<string> Fields, string? Error);

    public static List<Record> Parse(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        string? error = null;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                Quoted(text, ref i, field, ref line, ref inQuotes);
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case '"':
                    error ??= "stray quote inside an unquoted field";
                    field.Append(c);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new Record(recordLine, fields, error));
                    fields = [];
                    error = null;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            error ??= "unterminated quoted field";
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields, error));
        }

        return records;
    }

    /// <summary>One character inside a quoted field: a doubled quote is a quote, a single one ends the field; newlines are kept and counted.</summary>
    private static void Quoted(string text, ref int i, System.Text.StringBuilder field, ref int line, ref bool inQuotes)
    {
        var c = text[i];
        if (c == '"')
        {
            if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else
            {
                inQuotes = false;
            }
        }
        else
        {
            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
        }
    }
}
