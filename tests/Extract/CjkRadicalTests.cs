using System.Globalization;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>Radicals and look-alikes that PDF fonts report are repaired in the working copy, never in the raw text.</summary>
public class CjkRadicalTests
{
    public static TheoryData<string, string> AllRadicals()
    {
        var data = new TheoryData<string, string>();
        foreach (var (radical, ideograph) in CjkRadicals.SupplementMappings)
        {
            data.Add(radical.ToString(), ideograph);
        }

        // Kangxi radicals: their ideograph is their compatibility decomposition.
        for (var c = '\u2F00'; c <= '\u2FD5'; c++)
        {
            data.Add(c.ToString(), char.ConvertFromUtf32(char.ConvertToUtf32(c.ToString().Normalize(System.Text.NormalizationForm.FormKD), 0)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllRadicals))]
    public void EveryRadicalBecomesItsIdeographAndTheLineKeepsThePrint(string radical, string ideograph)
    {
        var ideographCategory = CharUnicodeInfo.GetUnicodeCategory(ideograph, 0);
        Assert.Equal(UnicodeCategory.OtherLetter, ideographCategory);
        Assert.NotEqual(radical, ideograph);

        var printed = $"・{radical}の整備";
        var line = SourceText.FromString("radicals.txt", printed).Lines.Single();
        Assert.Equal(printed, line.Raw);
        Assert.Equal($"・{ideograph}の整備", line.Text);
        Assert.Equal(line.Text, TextNormalizer.Normalize(line.Text)); // the ideograph is already normal: the mapping is one way and stable
    }

    [Fact]
    public void TheSupplementTableCoversEveryAssignedRadicalThatUnicodeGivesAnEquivalent()
    {
        var mapped = CjkRadicals.SupplementMappings.Select(m => m.Radical).ToHashSet();
        var unmapped = Enumerable.Range(CjkRadicals.SupplementFirst, CjkRadicals.SupplementLast - CjkRadicals.SupplementFirst + 1)
            .Select(c => (char)c)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned && !mapped.Contains(c))
            .ToList();
        Assert.Equal(['\u2E80'], unmapped); // CJK RADICAL REPEAT: Unicode lists no equivalent ideograph
        Assert.Equal(114, mapped.Count);
    }

    [Theory]
    [InlineData("防災\u2027減災", "防災・減災")]
    [InlineData("防災\u2219減災", "防災・減災")]
    [InlineData("防災\u22C5減災", "防災・減災")]
    [InlineData("防災\u00B7減災", "防災・減災")]
    [InlineData("\u00B7道路の補修", "・道路の補修")]
    [InlineData("ﬁle", "file")]
    [InlineData("ﬂoor 3", "floor 3")]
    [InlineData("col\u00B7lecció", "col\u00B7lecció")] // between Latin letters a middle dot is the letter's own
    public void LookalikesBecomeWhatTheyStandFor(string printed, string expected)
    {
        var line = SourceText.FromString("dots.txt", printed).Lines.Single();
        Assert.Equal(expected, line.Text);
        Assert.Equal(printed, line.Raw);
    }
}
