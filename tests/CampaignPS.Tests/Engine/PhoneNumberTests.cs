using CampaignPS.Engine.Validation;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>PhoneNumberNormalizer: E.164 kept, local forms converted with a default calling code, anything unreadable null.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+14155550133", null, "+14155550133")]
    [InlineData(" +14155550133 ", "44", "+14155550133")]
    [InlineData("+1 (415) 555-0133", null, "+14155550133")]
    [InlineData("+44 7911 123456", "1", "+447911123456")]
    [InlineData("+49 30 1234567", null, "+49301234567")]
    public void International_numbers_are_kept_whatever_the_default(string raw, string? countryCode, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.ToE164(raw, countryCode));

    [Theory]
    [InlineData("(415) 555-0133", "1", "+14155550133")]
    [InlineData("415.555.0133", "+1", "+14155550133")]
    [InlineData("415/555 0133", " 1 ", "+14155550133")]
    [InlineData("1-415-555-0133", "1", "+14155550133")]
    [InlineData("1 (415) 555-0133", "+1", "+14155550133")]
    [InlineData("07911 123456", "44", "+447911123456")]
    [InlineData("07911\u00A0123456", "+44", "+447911123456")]
    [InlineData("030 1234567", "49", "+49301234567")]
    public void Local_numbers_get_the_default_calling_code_and_lose_the_trunk_zero(string raw, string countryCode, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.ToE164(raw, countryCode));

    [Theory]
    [InlineData("0044 7911 123456", null, "+447911123456")]
    [InlineData("0044 7911 123456", "1", "+447911123456")]
    [InlineData("001-415-555-0133", null, "+14155550133")]
    public void A_00_prefix_is_international(string raw, string? countryCode, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.ToE164(raw, countryCode));

    [Theory]
    [InlineData("415-CALL-NOW", "1")]
    [InlineData("+1 415 555 0133 ext 2", null)]
    [InlineData("tel:+14155550133", null)]
    [InlineData("415_555_0133", "1")]
    [InlineData("+1 415 555 0133#", null)]
    public void Letters_and_other_characters_give_null(string raw, string? countryCode) =>
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, countryCode));

    [Theory]
    [InlineData("+1415555")]
    [InlineData("+1234567890123456")]
    [InlineData("+0123456789")]
    [InlineData("+")]
    [InlineData("00")]
    public void Too_short_too_long_or_a_leading_zero_give_null(string raw) =>
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, "1"));

    [Theory]
    [InlineData("55501")]
    [InlineData("555-0199")]
    [InlineData("12345678901234567")]
    public void Local_numbers_that_stay_out_of_range_with_the_code_give_null(string raw) =>
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, "1"));

    [Theory]
    [InlineData("(415) 555-0133")]
    [InlineData("07911 123456")]
    [InlineData("4155550133")]
    public void A_local_number_without_a_default_calling_code_gives_null(string raw)
    {
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, null));
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, "not-a-code"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_gives_null(string? raw) => Assert.Null(PhoneNumberNormalizer.ToE164(raw, "1"));

    // The hand-written rules took any 8 to 15 digits outside +1; the numbering plans know each country's lengths and ranges.
    [Theory]
    [InlineData("+44 7911 12345", null)]
    [InlineData("+49 1", null)]
    [InlineData("+1 123 555 0133", null)]
    [InlineData("0791 1234", "44")]
    [InlineData("+99912345678", null)]
    public void Numbers_outside_their_countrys_plan_give_null(string raw, string? countryCode) =>
        Assert.Null(PhoneNumberNormalizer.ToE164(raw, countryCode));

    [Theory]
    [InlineData("(416) 555-0100", "CA", "+14165550100")]
    [InlineData("07911 123456", "gb", "+447911123456")]
    [InlineData("06 12 34 56 78", "33", "+33612345678")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    public void A_default_region_may_be_a_region_code_or_a_calling_code(string raw, string region, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.ToE164(raw, region));

    [Theory]
    [InlineData("1", "US")]
    [InlineData("+44", "GB")]
    [InlineData("ca", "CA")]
    [InlineData("uk", null)]
    [InlineData("999", null)]
    [InlineData(null, null)]
    public void DefaultRegion_reads_a_calling_code_as_its_main_region_or_takes_a_region_code(string? value, string? expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.DefaultRegion(value));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("+1", "1")]
    [InlineData("44", "44")]
    [InlineData(" +353 ", "353")]
    [InlineData("0", null)]
    [InlineData("01", null)]
    [InlineData("1234", null)]
    [InlineData("+", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("uk", null)]
    [InlineData("4 4", null)]
    public void CountryCode_reads_one_to_three_digits_with_an_optional_plus(string? value, string? expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.CountryCode(value));

    [Theory]
    [InlineData("+14155550133", true)]
    [InlineData("+447911123456", true)]
    [InlineData("+12345678", true)]
    [InlineData("+1234567", false)]
    [InlineData("+123456789012345", true)]
    [InlineData("+1234567890123456", false)]
    [InlineData("14155550133", false)]
    [InlineData("+1 4155550133", false)]
    [InlineData(null, false)]
    public void IsE164_is_plus_and_8_to_15_digits(string? value, bool expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.IsE164(value));
}
