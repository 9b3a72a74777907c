using System.Text;
using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Validation;

/// <summary>
/// Brings phone numbers to E.164 (+ and 8 to 15 digits). Numbers already in international form
/// (+ or 00) are kept; local forms such as (415) 555-0133 or 07911 123456 need a default country
/// calling code, from which the national trunk prefix 0 is dropped. This covers the common
/// cases without per-country numbering plans (libphonenumber is not in our package registry).
/// </summary>
public static class PhoneNumbers
{
    private static readonly Regex E164 = new Regex(@"^\+[1-9]\d{7,14}$", RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="value"/> is already E.164.</summary>
    public static bool IsE164(string? value) => value != null && E164.IsMatch(value);

    /// <summary>Returns the E.164 form, or null when the number cannot be read as one.</summary>
    /// <param name="raw">The number as written.</param>
    /// <param name="defaultCountryCode">Calling code for local numbers, e.g. "1", "+44"; null to accept only international numbers.</param>
    public static string? ToE164(string? raw, string? defaultCountryCode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        string text = raw!.Trim();
        if (text.Any(c => char.IsLetter(c)))
        {
            return null;
        }

        bool international = text.StartsWith("+", System.StringComparison.Ordinal);
        var digits = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                digits.Append(c);
            }
            else if (" -.()/\u00A0+".IndexOf(c) < 0)
            {
                return null;
            }
        }

        string number = digits.ToString();
        if (!international && number.StartsWith("00", System.StringComparison.Ordinal))
        {
            international = true;
            number = number.Substring(2);
        }

        if (!international)
        {
            string? code = CountryCode(defaultCountryCode);
            if (code == null)
            {
                return null;
            }

            if (number.StartsWith("0", System.StringComparison.Ordinal))
            {
                number = code + number.Substring(1);
            }
            else if (!(number.StartsWith(code, System.StringComparison.Ordinal) && number.Length > code.Length + 9))
            {
                number = code + number;
            }
        }

        string candidate = "+" + number;
        return IsE164(candidate) && !TooShortForNorthAmerica(number) ? candidate : null;
    }

    // +1 (US, Canada and the rest of the North American plan) numbers always have ten digits after the 1.
    private static bool TooShortForNorthAmerica(string digits) => digits.StartsWith("1", System.StringComparison.Ordinal) && digits.Length != 11;

    /// <summary>The digits of a calling code such as "+1", "1" or "44"; null when it is not one.</summary>
    public static string? CountryCode(string? value)
    {
        string digits = (value ?? string.Empty).Trim().TrimStart('+');
        return digits.Length >= 1 && digits.Length <= 3 && digits.All(char.IsDigit) && digits[0] != '0' ? digits : null;
    }
}
