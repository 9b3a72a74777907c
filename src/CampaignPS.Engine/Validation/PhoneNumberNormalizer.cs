using Lib = global::PhoneNumbers;

namespace CampaignPS.Engine.Validation;

/// <summary>
/// Brings phone numbers to E.164 with libphonenumber (Google's numbering plans, libphonenumber-csharp): a number is
/// parsed, checked against its country's plan (length and ranges, so a +1 number needs its ten digits and a valid
/// area code) and formatted as + and digits. International forms (+ or 00) need no default; a local form such as
/// (415) 555-0133 or 07911 123456 is read in the default region, given as a calling code (1, +44: its main region)
/// or a region code (US, GB). Letters (vanity numbers, "ext"), URIs and other characters are refused rather than
/// guessed.
/// </summary>
public static class PhoneNumberNormalizer
{
    private static readonly Lib.PhoneNumberUtil Util = Lib.PhoneNumberUtil.GetInstance();

    /// <summary>True when <paramref name="value"/> is already E.164 in form (+ and 8 to 15 digits, no leading 0).</summary>
    public static bool IsE164(string? value) =>
        value != null && value.Length >= 9 && value.Length <= 16 && value[0] == '+' && value[1] != '0' && value.Skip(1).All(c => c >= '0' && c <= '9');

    /// <summary>Returns the E.164 form of a valid number, or null when it cannot be read as one.</summary>
    /// <param name="raw">The number as written.</param>
    /// <param name="defaultCountryCode">Calling code ("1", "+44") or region ("US", "GB") for local numbers; null to accept only international numbers.</param>
    public static string? ToE164(string? raw, string? defaultCountryCode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        string text = raw!.Trim();
        if (text.Any(c => !char.IsDigit(c) && " -.()/\u00A0+".IndexOf(c) < 0))
        {
            return null;
        }

        // 00 is the international prefix of most of the world; read it as + whatever the default region dials.
        string digitsOnly = new string(text.Where(char.IsDigit).ToArray());
        if (!text.StartsWith("+", StringComparison.Ordinal) && digitsOnly.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + digitsOnly.Substring(2);
        }

        string? region = text.StartsWith("+", StringComparison.Ordinal) ? "ZZ" : DefaultRegion(defaultCountryCode);
        if (region == null)
        {
            return null;
        }

        try
        {
            Lib.PhoneNumber number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? Util.Format(number, Lib.PhoneNumberFormat.E164) : null;
        }
        catch (Lib.NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The region local numbers are read in: from a calling code ("1" is US, "44" GB) or a region code ("CA"); null when it is neither.</summary>
    public static string? DefaultRegion(string? value)
    {
        string text = (value ?? string.Empty).Trim();
        if (text.Length == 2 && text.All(char.IsLetter))
        {
            string upper = text.ToUpperInvariant();
            return Util.GetSupportedRegions().Contains(upper) ? upper : null;
        }

        string? code = CountryCode(text);
        if (code == null)
        {
            return null;
        }

        string main = Util.GetRegionCodeForCountryCode(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
        return main == "ZZ" ? null : main;
    }

    /// <summary>The digits of a calling code such as "+1", "1" or "44"; null when it is not one.</summary>
    public static string? CountryCode(string? value)
    {
        string digits = (value ?? string.Empty).Trim().TrimStart('+');
        return digits.Length >= 1 && digits.Length <= 3 && digits.All(char.IsDigit) && digits[0] != '0' ? digits : null;
    }
}
