using System.Globalization;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

internal sealed partial class PlanProgressParser
{
    /// <summary>The nodes of the tree: items closed into initiatives, policy nodes created once per (year, path).</summary>
    private sealed partial class Builder
    {
        private void CloseItem()
        {
            if (_item is null)
            {
                return;
            }

            _initiatives.Add(new InitiativeNode
            {
                Seq = _item.Seq,
                Kind = InitiativeKinds.Item,
                PolicyCode = _item.Policy,
                Text = _item.Title,
                RawText = _item.RawTitle,
                Span = _item.Span,
                FiscalYear = _item.Year,
                PlanRef = _item.PlanRef,
                IsNumericTarget = _item.IsNumericTarget,
                Description = _item.Description.Length == 0 ? null : _item.Description.ToString(),
                DescriptionSpan = _item.DescriptionSpan,
            });
            _item = null;
        }

        private static string Prefix(int? year) => year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "/" : "";

        /// <summary>The node of (year, path), created on first sight; a second heading with the same path reuses it.</summary>
        private string EnsureNode(int? year, int level, string path, PolicyHeadingLine heading, TextLine line, string? parent)
        {
            var code = Prefix(year) + path;
            if (_byCode.TryGetValue(code, out var existing))
            {
                if (existing.Title != heading.Title)
                {
                    _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number,
                        $"heading '{heading.Marker} {heading.Title}' repeats the number of '{existing.Title}' (line {existing.Span.StartLine}) in the same year; its items are filed under the first"));
                }

                return code;
            }

            var node = new PolicyNode
            {
                Level = level,
                Code = code,
                Title = heading.Title,
                Marker = heading.Marker,
                ParentCode = parent,
                FiscalYear = year,
                Span = SourceSpan.Line(line.Number),
            };
            _policies.Add(node);
            _byCode[code] = node;
            return code;
        }
    }
}
