using System.Text;

namespace BudgetWarehouse.Bench.Generate;

/// <summary>How a generated document is printed: the variants the family's real documents come in.</summary>
internal sealed record DocumentStyle
{
    /// <summary>Digits, Latin letters and brackets of markers and prose printed full-width (（１）, ２０２０).</summary>
    public bool FullWidth { get; init; }

    /// <summary>Prose brackets printed half-width ((令和3年春完成予定)).</summary>
    public bool HalfWidthBrackets { get; init; }

    /// <summary>Pillar marker: "1 ", "■I ", "I. ", "Ⅰ ", "第1 ", "柱1 ", "&lt;1&gt;".</summary>
    public PillarStyle Pillar { get; init; }

    /// <summary>Item bullet as printed: "- ・", "・", "・ ", "●", "• ", "○", "▽".</summary>
    public string Bullet { get; init; } = "- ・";

    /// <summary>Third-level marker: ① or ◇.</summary>
    public bool DiamondSubsections { get; init; }

    /// <summary>Detail lines marked with "- " instead of unmarked.</summary>
    public bool MarkedDetails { get; init; }

    /// <summary>Long lines wrapped at this many characters (0 = no wrapping).</summary>
    public int WrapWidth { get; init; }

    /// <summary>Page numbers between blocks, and a running header when there are at least three pages.</summary>
    public bool PageNumbers { get; init; }

    /// <summary>The whole document flattened onto one line (PDF extraction without line breaks).</summary>
    public bool Flattened { get; init; }

    /// <summary>Site controls and a breadcrumb above the title, a back-to-top link at the end (a CMS page saved as text).</summary>
    public bool SiteChrome { get; init; }

    /// <summary>A budget-overview table after the title: a unit note, a header naming two years and the change, account rows.</summary>
    public bool Overview { get; init; }

    /// <summary>Some items state their cost in parentheses ((事業費3億円), (4,500万円)).</summary>
    public bool Amounts { get; init; }

    public string Encoding { get; init; } = "utf-8";

    public bool Crlf { get; init; }
}

internal enum PillarStyle
{
    Arabic,
    BoxRoman,
    RomanDot,
    RomanNumeral,
    Dai,
    Label,
    Angle,
}

/// <summary>Character-level rendering helpers shared by the family writers.</summary>
internal static class Rendering
{
    private static readonly string[] RomanNumerals = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    public static string Roman(int n) => RomanNumerals[n];

    /// <summary>Ⅰ..Ⅹ (U+2160..), which NFKC turns into I..X.</summary>
    public static string RomanNumeralSign(int n) => ((char)('\u2160' + n - 1)).ToString();

    /// <summary>Full-width digits, Latin letters, parentheses, percent and dot; spaces and hyphens are kept.</summary>
    public static string ToFullWidth(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '(' or ')' or '%' or '.' => (char)(c - 0x21 + 0xFF01),
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Half-width parentheses instead of （）.</summary>
    public static string ToHalfWidthBrackets(string s) => s.Replace('（', '(').Replace('）', ')');

    public static bool IsKanjiOrKana(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u30A1' and <= '\u30FA') or (>= '\u3041' and <= '\u3096');

    /// <summary>Characters after which a wrapped line certainly continues (a particle or a comma).</summary>
    public static bool IsWrapPoint(char c) => c is 'の' or 'を' or 'に' or 'で' or 'と' or 'や' or 'へ' or 'が' or 'は' or '、';

    /// <summary>
    /// Splits <paramref name="text"/> into pieces of at most about <paramref name="width"/> characters, each
    /// ending in a particle or comma and each remainder starting with a kanji or kana that cannot be read as a
    /// marker — the shape of text that PDF extraction wrapped. Returns the text whole when no such point exists.
    /// </summary>
    public static List<string> Wrap(string text, int width)
    {
        var pieces = new List<string>();
        var rest = text;
        while (width > 0 && rest.Length > width)
        {
            var cut = -1;
            for (var i = Math.Min(width, rest.Length - 2); i >= 8; i--)
            {
                if (IsWrapPoint(rest[i - 1]) && IsKanjiOrKana(rest[i]) && !CannotBegin(rest[i]))
                {
                    cut = i;
                    break;
                }
            }

            if (cut < 0)
            {
                break;
            }

            pieces.Add(rest[..cut]);
            rest = rest[cut..];
        }

        pieces.Add(rest);
        return pieces;
    }

    private static bool CannotBegin(char c) => c is 'ー' or '々' or 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ' or 'っ' or 'ゃ' or 'ゅ' or 'ょ' or 'ゎ'
        or 'ァ' or 'ィ' or 'ゥ' or 'ェ' or 'ォ' or 'ッ' or 'ャ' or 'ュ' or 'ョ' or 'ヮ';

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;
}
