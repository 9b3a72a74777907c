using System.Globalization;

namespace CampaignPS.Engine.Outbox;

/// <summary>
/// A contact to create or update (Outbox upserts by e-mail or phone). Built from any record:
/// full_name, email, phone_number, business_name, notes, tags, is_dnd and lead_source map to
/// Outbox's fields however they are spelled (FirstName + LastName make the full name), and every
/// other non-empty column is sent as a custom field (Outbox keeps only the names it knows).
/// </summary>
public sealed class OutboxContact
{
    private static readonly char[] TagSeparators = { ',', ';', '|' };

    /// <summary>The 1-based position of the record in the input, for error messages.</summary>
    public long Row { get; private set; }

    /// <summary>Full name.</summary>
    public string? FullName { get; private set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; private set; }

    /// <summary>Phone number (Outbox normalises it with the company's country).</summary>
    public string? PhoneNumber { get; private set; }

    /// <summary>Business name.</summary>
    public string? BusinessName { get; private set; }

    /// <summary>Notes.</summary>
    public string? Notes { get; private set; }

    /// <summary>Tags (merged with existing tags on an update).</summary>
    public IReadOnlyList<string> Tags { get; private set; } = Array.Empty<string>();

    /// <summary>Do not disturb.</summary>
    public bool? IsDnd { get; private set; }

    /// <summary>Where the contact came from.</summary>
    public OutboxLeadSource? LeadSource { get; private set; }

    /// <summary>Other fields, sent as custom_fields.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; private set; } = new Dictionary<string, string>();

    /// <summary>The record the contact was read from (not sent).</summary>
    public object? Source { get; set; }

    /// <summary>Builds a contact from a record; <paramref name="extraTags"/> and <paramref name="defaultLeadSource"/> apply to every contact.</summary>
    /// <exception cref="InputValidationException">Neither e-mail nor phone, an invalid e-mail, or a lead source Outbox does not document.</exception>
    public static OutboxContact FromFields(IEnumerable<KeyValuePair<string, object?>> fields, long row, IEnumerable<string>? extraTags = null, OutboxLeadSource? defaultLeadSource = null)
    {
        var rules = OutboxRules.Instance;
        var contact = new OutboxContact { Row = row, LeadSource = defaultLeadSource };
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = new List<string>((extraTags ?? Enumerable.Empty<string>()).Where(t => t != null));
        string? first = null;
        string? last = null;
        foreach (KeyValuePair<string, object?> field in fields)
        {
            if (field.Value is IEnumerable<object> list && !(field.Value is string))
            {
                if (FieldNames.Normalize(field.Key) == "tags")
                {
                    tags.AddRange(list.Cast<object?>().Select(t => Convert.ToString(t, CultureInfo.InvariantCulture) ?? string.Empty));
                }

                continue;
            }

            string? value = Convert.ToString(field.Value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            switch (FieldNames.Normalize(field.Key))
            {
                case "fullname":
                case "name":
                    contact.FullName = value;
                    break;
                case "firstname":
                    first = value;
                    break;
                case "lastname":
                    last = value;
                    break;
                case "email":
                    contact.Email = value;
                    break;
                case "phonenumber":
                case "phone":
                    contact.PhoneNumber = value;
                    break;
                case "businessname":
                case "company":
                    contact.BusinessName = value;
                    break;
                case "notes":
                    contact.Notes = value;
                    break;
                case "tags":
                    tags.AddRange(value!.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "isdnd":
                case "dnd":
                    contact.IsDnd = ParseBool(value!, row);
                    break;
                case "leadsource":
                    contact.LeadSource = ParseLeadSource(value!, row);
                    break;
                default:
                    custom[field.Key.Trim()] = value!;
                    break;
            }
        }

        contact.FullName ??= string.Join(" ", new[] { first, last }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } joined ? joined : null;
        if (contact.Email == null && contact.PhoneNumber == null)
        {
            throw rules.Fail("Email", $"Contact row {row} has neither email nor phone_number. Outbox needs at least one of them.");
        }

        if (contact.Email != null && !InputRules.IsEmail(contact.Email))
        {
            throw rules.Fail("Email", $"Contact row {row} has email '{contact.Email}', which is not a valid e-mail address. Correct it to the form name@example.com.");
        }

        contact.Tags = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        contact.CustomFields = custom;
        return contact;
    }

    internal ContactBody ToBody() => new ContactBody
    {
        FullName = FullName,
        Email = Email,
        PhoneNumber = PhoneNumber,
        BusinessName = BusinessName,
        Notes = Notes,
        Tags = Tags.Count == 0 ? null : Tags,
        IsDnd = IsDnd,
        LeadSource = LeadSource?.ToString().ToLowerInvariant(),
        CustomFields = CustomFields.Count == 0 ? null : CustomFields,
    };

    /// <inheritdoc />
    public override string ToString() => $"row {Row}: {Email ?? PhoneNumber}";

    // Outbox stores an unknown lead source as "manual" without saying so; refusing it keeps the data honest.
    private static OutboxLeadSource ParseLeadSource(string value, long row) =>
        Enum.TryParse(value, ignoreCase: true, out OutboxLeadSource source) && Enum.IsDefined(typeof(OutboxLeadSource), source)
            ? source
            : throw OutboxRules.Instance.Fail("LeadSource", $"Contact row {row} has lead_source '{value}'. Outbox accepts only: manual, api, webhook, facebook, instagram, import.");

    private static bool ParseBool(string value, long row) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => throw OutboxRules.Instance.Fail("IsDnd", $"Contact row {row} has is_dnd '{value}'. Use true or false."),
    };
}
