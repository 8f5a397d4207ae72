using System.Globalization;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>What a line of a budget-overview table is.</summary>
internal enum OverviewRow
{
    None,

    /// <summary>An account or total row (一般会計, 特別会計, 合計): amounts of the budget, not a project.</summary>
    Account,

    /// <summary>A project row: a name and its amounts.</summary>
    Project,
}

/// <summary>
/// Budget-overview tables: a unit note ((単位 千円), 単位:百万円) or a column header naming its unit (予算額(千円))
/// sets the unit of the bare numbers below it; a header naming years and changes (会計 令和7年度 令和6年度 増減率)
/// gives each number of a row its role. Header lines are not items.
/// </summary>
internal sealed class OverviewTable
{
    private static readonly string[] AccountWords = ["一般会計", "特別会計", "企業会計", "公営企業会計", "合計", "総計", "総額", "予算総額", "歳入", "歳出", "会計計"];

    private static readonly string[] HeaderWords = ["予算額", "前年度", "増減", "比較", "伸び率", "事業名", "区分", "会計", "金額", "本年度", "当初予算"];

    /// <summary>Header words of a column of figures; a header cell with none of them (and no year or unit) is a column of text, such as 担当課 or 概要.</summary>
    private static readonly string[] FigureWords = ["予算", "前年", "増減", "比較", "伸び", "金額", "本年度", "決算", "補正", "事業費", "構成比", "差引", "財源", "円", "年度", "%"];

    /// <summary>Printed in a figure cell for "none" or "new": the cell is there, without an amount.</summary>
    private static readonly string[] EmptyFigures = ["-", "―", "ー", "—", "‐", "皆増", "皆減", "新規", "(-)", "(皆増)", "(新規)"];

    public long? UnitYen { get; private set; }

    /// <summary>Roles of the figure columns, in order (text columns left out), while a header's table lasts.</summary>
    public IReadOnlyList<string>? Columns { get; private set; }

    /// <summary>Columns of text (the label, 担当課, 概要 …) in the current table's header, and which of them is the name.</summary>
    private int _textColumns;

    private int _nameColumn;

    /// <summary>The text column holding a description (概要, 内容), into which a row's surplus cells spill; -1 when none.</summary>
    private int _descriptionColumn = -1;

    /// <summary>The first column numbers the rows (番号, No.): a figure there is not a label.</summary>
    private bool _numbered;

    private static readonly string[] NumberHeaders = ["番号", "No", "NO", "No.", "№", "項番", "#"];

    private static readonly string[] DescriptionHeaders = ["概要", "内容", "説明", "備考", "目的"];

    /// <summary>A heading ends the table whose columns were named; the unit holds for the rest of the document.</summary>
    public void AtHeading()
    {
        Columns = null;
        _textColumns = 0;
        _nameColumn = 0;
        _descriptionColumn = -1;
        _numbered = false;
    }

    /// <summary>Reads a unit note or a column header; false for any other line.</summary>
    public bool TryHeader(string text)
    {
        if (StatedUnit.Detect(text) is { } unit && text.Length <= 30)
        {
            UnitYen = unit;
            return true;
        }

        // A pipe table's row begins and ends with its separator.
        var inner = text.AsSpan().Trim().Trim('|').Trim();
        if (text.Length > 80 || inner.IndexOfAny(' ', '\t', '|') <= 0 || !HeaderWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            return false;
        }

        var cells = Cells(text);
        // Header cells hold words, units and year labels (令和7年度), never figures.
        if (cells.Length < 2 || cells.Any(c => c.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && !c.Contains("年度", StringComparison.Ordinal)))
        {
            return false;
        }

        UnitYen = cells.Select(HeaderUnit).FirstOrDefault(u => u is not null) ?? UnitYen;
        var figures = cells.Skip(1).Count(IsFigureHeader);
        if (figures == 0)
        {
            return false;
        }

        Columns = ColumnRoles(cells);
        _numbered = NumberHeaders.Contains(cells[0]);
        var texts = cells.Skip(_numbered ? 1 : 0).Where(c => !IsFigureHeader(c)).ToList();
        _textColumns = texts.Count;
        // The name is in the column whose header says so (事業名, 名称, 施策名), else in the first.
        _nameColumn = Math.Max(0, texts.FindIndex(c => c.Contains('名', StringComparison.Ordinal)));
        _descriptionColumn = texts.FindIndex(c => DescriptionHeaders.Any(w => c.Contains(w, StringComparison.Ordinal)));
        return true;
    }

    /// <summary>A pipe table's separator row (|---|:--:|): part of the table, no data.</summary>
    public static bool IsSeparatorRow(string text) =>
        text.Contains('-', StringComparison.Ordinal) && text.AsSpan().Trim().IndexOfAnyExcept("|-: ") < 0;

    public OverviewRow Row(string text)
    {
        if (Columns is null)
        {
            return OverviewRow.None;
        }

        var cells = RowCells(text);
        var figures = TrailingFigures(cells);
        // label, then the text columns the header names (担当課 …), then figures; without text columns the figures follow the label.
        if (cells.Length < 2 || IsNumber(cells[0]) || figures == 0 || (_textColumns <= 1 && !IsFigure(cells[1])) || cells.Length - figures < 1)
        {
            return OverviewRow.None;
        }

        return AccountWords.Any(w => cells[0].EndsWith(w, StringComparison.Ordinal)) ? OverviewRow.Account : OverviewRow.Project;
    }

    /// <summary>
    /// The name of a project row: the cell under the header's name column (with the cells a name printed with
    /// spaces in it spills into); null when the line is not a row of the current table.
    /// </summary>
    public string? ProjectName(string text)
    {
        if (Row(text) is not OverviewRow.Project)
        {
            return null;
        }

        var cells = RowCells(text);
        var texts = cells.Length - TrailingFigures(cells);
        var extra = texts - _textColumns;
        if (extra < 0 || _nameColumn >= texts)
        {
            return cells[0];
        }

        // Surplus cells are words of a description printed with spaces when the table has one before the figures
        // (and after the name), else of the name.
        var spill = _descriptionColumn > _nameColumn ? 0 : extra;
        return string.Join(' ', cells[_nameColumn..(_nameColumn + spill + 1)]);
    }

    /// <summary>The column role of a numbered table's row number: a figure that is not a quantity.</summary>
    public const string RowNumberColumn = "row_number";

    /// <summary>
    /// The roles of the figures printed in one row of the current table, in order: the row number of a numbered
    /// table, then each figure column that holds a figure ("-" or 皆増 hold none). Null outside a table.
    /// </summary>
    public IReadOnlyList<string>? RowColumns(string text)
    {
        if (Columns is not { } columns || Row(text) is OverviewRow.None)
        {
            return Columns;
        }

        var all = Cells(text);
        var cells = RowCells(text);
        var roles = new List<string>();
        if (cells.Length < all.Length)
        {
            roles.Add(RowNumberColumn);
        }

        var figures = TrailingFigures(cells);
        for (var i = 0; i < figures && i < columns.Count; i++)
        {
            if (IsNumber(cells[cells.Length - figures + i]))
            {
                roles.Add(columns[i]);
            }
        }

        return roles;
    }

    /// <summary>A row's cells without the row number of a numbered table.</summary>
    private string[] RowCells(string text)
    {
        var cells = Cells(text);
        return _numbered && cells.Length > 1 && int.TryParse(cells[0].TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? cells[1..] : cells;
    }

    private static int TrailingFigures(string[] cells)
    {
        var n = 0;
        while (n < cells.Length - 1 && IsFigure(cells[^(n + 1)]))
        {
            n++;
        }

        return n;
    }

    private static bool IsFigure(string cell) => IsNumber(cell) || EmptyFigures.Contains(cell);

    private static bool IsFigureHeader(string cell) =>
        FigureWords.Any(w => cell.Contains(w, StringComparison.Ordinal)) || Year(cell) is not null || HeaderUnit(cell) is not null;

    // The figure columns after the label: the latest year (or 予算額) is the value, an earlier year or 前年度 the prior year, 増減 a change.
    private static List<string> ColumnRoles(string[] cells)
    {
        var years = cells.Select(Year).ToList();
        var latest = years.Max() ?? 0;
        var roles = new List<string>();
        for (var i = 1; i < cells.Length; i++)
        {
            var c = cells[i];
            if (!IsFigureHeader(c))
            {
                continue;
            }

            roles.Add(c.Contains("増減", StringComparison.Ordinal) || c.Contains("比較", StringComparison.Ordinal) || c.Contains("伸び", StringComparison.Ordinal) || c.Contains("前年比", StringComparison.Ordinal)
                ? MeasureRoles.Change
                : c.Contains("前年度", StringComparison.Ordinal) || (years[i] is { } y && y < latest)
                    ? MeasureRoles.PriorYear
                    : MeasureRoles.Value);
        }

        return roles;
    }

    private static int? Year(string cell)
    {
        var at = cell.IndexOf("令和", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var i = at + 2;
        var start = i;
        while (i < cell.Length && char.IsAsciiDigit(cell[i]))
        {
            i++;
        }

        return i > start ? int.Parse(cell.AsSpan(start, i - start), CultureInfo.InvariantCulture) : cell.AsSpan(start).StartsWith("元") ? 1 : null;
    }

    private static long? HeaderUnit(string cell) =>
        cell.Contains("(千円)", StringComparison.Ordinal) ? 1_000
        : cell.Contains("(百万円)", StringComparison.Ordinal) ? 1_000_000
        : cell.Contains("(万円)", StringComparison.Ordinal) ? 10_000
        : cell.Contains("(億円)", StringComparison.Ordinal) ? 100_000_000
        : null;

    private static bool IsNumber(string cell) => AmountLine.IsAmountOnly(cell, out _) || (cell.EndsWith('%') && AmountLine.IsAmountOnly(cell.AsSpan(0, cell.Length - 1), out _));

    private static string[] Cells(string text) => text.Split([' ', '\t', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
