using System.Net.Mail;
using System.Text;

namespace CampaignPS.Engine.Validation;

/// <summary>
/// Checks shared by every platform's request types. Each failure names the field, the value
/// and the fix, and carries an ErrorId of the form <c>{prefix}Invalid{Field}</c>.
/// </summary>
public sealed class InputRules
{
    private const string NotInIds = "/\\?#%";

    private readonly string _errorIdPrefix;

    /// <summary>Creates the rules for one platform; <paramref name="errorIdPrefix"/> is its display name.</summary>
    public InputRules(string errorIdPrefix) => _errorIdPrefix = errorIdPrefix;

    /// <summary>Fails with a message that names <paramref name="field"/>.</summary>
    public InputValidationException Fail(string field, string message) =>
        new InputValidationException($"{_errorIdPrefix}Invalid{field}", field, message);

    /// <summary>Requires a value that is not empty or white space.</summary>
    public string NotBlank(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(field, $"{field} is empty. Give a {field} with at least one visible character.");
        }

        return value!;
    }

    /// <summary>
    /// Requires an id that can stand in a URL path as it is: not blank, at most 256 characters, and without '/', '\',
    /// '?', '#', '%', white space, control characters, or the segments "." and "..", which would lead out of the
    /// route it is put into. Returns the id trimmed.
    /// </summary>
    public string PlainId(string field, string? value)
    {
        string id = NotBlank(field, value).Trim();
        if (id == "." || id == ".." || id.Length > 256 || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || NotInIds.IndexOf(c) >= 0))
        {
            throw Fail(field, $"{field} '{Show(id)}' is not a plain id: ids have at most 256 characters and no '/', '\\', '?', '#', '%', white space or control characters. Pass the id as the platform shows it (Get-* cmdlets output it as Id).");
        }

        return id;
    }

    /// <summary>A value as a message may show it: control characters as \uXXXX, and at most 80 characters.</summary>
    public static string Show(string value)
    {
        var shown = new StringBuilder(Math.Min(value.Length, 84));
        foreach (char c in value)
        {
            if (shown.Length >= 80)
            {
                shown.Append('…');
                break;
            }

            shown.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return shown.ToString();
    }

    /// <summary>Requires at most <paramref name="max"/> characters (when a value is given).</summary>
    public void MaxLength(string field, string? value, int max)
    {
        if (value != null && value.Length > max)
        {
            throw Fail(field, $"{field} is {value.Length} characters long; the limit is {max}. Shorten it by {value.Length - max} characters.");
        }
    }

    /// <summary>Requires at most <paramref name="maxBytes"/> bytes of UTF-8 (when a value is given).</summary>
    public void MaxUtf8Bytes(string field, string? value, int maxBytes, string limitText)
    {
        if (value == null)
        {
            return;
        }

        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > maxBytes)
        {
            throw Fail(field, $"{field} is {bytes:N0} bytes; the limit is {limitText} ({maxBytes:N0} bytes). Move images to uploads or shorten the content.");
        }
    }

    /// <summary>Requires a syntactically valid e-mail address (when a value is given).</summary>
    public void Email(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!IsEmail(value!))
        {
            throw Fail(field, $"{field} '{Show(value!)}' is not a valid e-mail address. Use the form name@example.com.");
        }
    }

    /// <summary>True when <paramref name="value"/> is a single plain address such as name@example.com.</summary>
    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(char.IsWhiteSpace) || value.Count(c => c == '@') != 1)
        {
            return false;
        }

        try
        {
            var address = new MailAddress(value);
            string host = address.Host;
            return address.Address == value && host.IndexOf('.') >= 0 && !host.StartsWith(".", StringComparison.Ordinal) && !host.EndsWith(".", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Requires a moment after <paramref name="now"/>.</summary>
    public void InFuture(string field, DateTimeOffset value, DateTimeOffset now)
    {
        if (value <= now)
        {
            throw Fail(field, $"{field} {value:u} is not in the future (now is {now:u}). Give a later time.");
        }
    }

    /// <summary>Requires an IANA time zone name such as America/New_York.</summary>
    public string IanaTimeZone(string field, string? value)
    {
        string zone = NotBlank(field, value).Trim();
        if (!IanaTimeZones.IsKnown(zone))
        {
            string? suggestion = IanaTimeZones.SuggestFor(zone);
            throw Fail(field, suggestion != null
                ? $"{field} '{zone}' is not an IANA time zone name; did you mean '{suggestion}'?"
                : $"{field} '{zone}' is not an IANA time zone name. Use a name such as 'America/New_York' or 'Europe/Berlin' (Windows names like 'Eastern Standard Time' are not accepted).");
        }

        return zone;
    }

    /// <summary>Requires a whole number between <paramref name="min"/> and <paramref name="max"/> (when a value is given).</summary>
    public void Range(string field, long? value, long min, long max)
    {
        if (value.HasValue && (value < min || value > max))
        {
            throw Fail(field, $"{field} {value} is outside the allowed range. Use a number from {min} to {max}.");
        }
    }

    /// <summary>Requires one of <paramref name="allowed"/> (ordinal, case-sensitive as APIs are).</summary>
    public void OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value != null && !allowed.Contains(value))
        {
            throw Fail(field, $"{field} '{Show(value)}' is not allowed. Use one of: {string.Join(", ", allowed)}.");
        }
    }

    /// <summary>Requires that at least one of the named values was given.</summary>
    public void AtLeastOne(string field, IEnumerable<KeyValuePair<string, bool>> given)
    {
        var list = given.ToList();
        if (!list.Any(p => p.Value))
        {
            throw Fail(field, $"Nothing to change. Give at least one of: {string.Join(", ", list.Select(p => p.Key))}.");
        }
    }
}
