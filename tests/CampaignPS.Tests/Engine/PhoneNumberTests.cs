using CampaignPS.Engine.Validation;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>PhoneNumbers: E.164 kept, local forms converted with a default calling code, anything unreadable null.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+14155550133", null, "+14155550133")]
    [InlineData(" +14155550133 ", "44", "+14155550133")]
    [InlineData("+1 (415) 555-0133", null, "+14155550133")]
    [InlineData("+44 7911 123456", "1", "+447911123456")]
    [InlineData("+49 30 1234567", null, "+49301234567")]
    public void International_numbers_are_kept_whatever_the_default(string raw, string? countryCode, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(raw, countryCode));

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
        Assert.Equal(expected, PhoneNumbers.ToE164(raw, countryCode));

    [Theory]
    [InlineData("0044 7911 123456", null, "+447911123456")]
    [InlineData("0044 7911 123456", "1", "+447911123456")]
    [InlineData("001-415-555-0133", null, "+14155550133")]
    public void A_00_prefix_is_international(string raw, string? countryCode, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(raw, countryCode));

    [Theory]
    [InlineData("415-CALL-NOW", "1")]
    [InlineData("+1 415 555 0133 ext 2", null)]
    [InlineData("tel:+14155550133", null)]
    [InlineData("415_555_0133", "1")]
    [InlineData("+1 415 555 0133#", null)]
    public void Letters_and_other_characters_give_null(string raw, string? countryCode) =>
        Assert.Null(PhoneNumbers.ToE164(raw, countryCode));

    [Theory]
    [InlineData("+1415555")]
    [InlineData("+1234567890123456")]
    [InlineData("+0123456789")]
    [InlineData("+")]
    [InlineData("00")]
    public void Too_short_too_long_or_a_leading_zero_give_null(string raw) =>
        Assert.Null(PhoneNumbers.ToE164(raw, "1"));

    [Theory]
    [InlineData("55501")]
    [InlineData("555-0199")]
    [InlineData("12345678901234567")]
    public void Local_numbers_that_stay_out_of_range_with_the_code_give_null(string raw) =>
        Assert.Null(PhoneNumbers.ToE164(raw, "1"));

    [Theory]
    [InlineData("(415) 555-0133")]
    [InlineData("07911 123456")]
    [InlineData("4155550133")]
    public void A_local_number_without_a_default_calling_code_gives_null(string raw)
    {
        Assert.Null(PhoneNumbers.ToE164(raw, null));
        Assert.Null(PhoneNumbers.ToE164(raw, "not-a-code"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_gives_null(string? raw) => Assert.Null(PhoneNumbers.ToE164(raw, "1"));

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
        Assert.Equal(expected, PhoneNumbers.CountryCode(value));

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
        Assert.Equal(expected, PhoneNumbers.IsE164(value));
}
