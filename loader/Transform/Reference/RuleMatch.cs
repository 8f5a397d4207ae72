using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Transform.Reference;

/// <summary>Runs a reference-data rule's pattern (department or 款 rules) on a text.</summary>
internal static class RuleMatch
{
    /// <summary>The words the rule's regex matched, or null when it did not match or took too long on this text.</summary>
    public static string? Words(Regex regex, string input)
    {
        if (input.Length == 0)
        {
            return null;
        }

        try
        {
            var m = regex.Match(input);
            return m.Success ? m.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
