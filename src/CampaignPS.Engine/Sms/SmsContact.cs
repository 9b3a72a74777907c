using System.Globalization;

namespace CampaignPS.Engine.Sms;

/// <summary>
/// A campaign contact: firstName, lastName, an E.164 phoneNumber and email, read from any record
/// (local phone formats are normalised with a default country code). Other columns of the record
/// (a CampaignName routing column, notes) are kept in <see cref="Fields"/> for checks but never sent:
/// Tether's contact carries only the fields in <see cref="WireFieldNames"/>.
/// </summary>
public sealed class SmsContact
{
    /// <summary>
    /// The fields of a Tether campaign contact, as the published API reference's create-campaign example
    /// (docs.tetherai.ca, newContacts / selectedExistingContacts) and its contact schema name them; the only
    /// ones a message's merge fields can use.
    /// </summary>
    public static readonly IReadOnlyList<string> WireFieldNames = new[] { "firstName", "lastName", "phoneNumber", "email" };

    private readonly Dictionary<string, string> _fields;

    private SmsContact(long row, string? id, Dictionary<string, string> fields)
    {
        Row = row;
        Id = id;
        _fields = fields;
    }

    /// <summary>The 1-based position of the record in the input (0 for contacts the API named that no input matches).</summary>
    public long Row { get; }

    /// <summary>The contact's id when it already exists in Tether.</summary>
    public string? Id { get; }

    /// <summary>First name.</summary>
    public string? FirstName => Field("firstName");

    /// <summary>Last name.</summary>
    public string? LastName => Field("lastName");

    /// <summary>E.164 phone number.</summary>
    public string? PhoneNumber => Field("phoneNumber");

    /// <summary>E-mail address.</summary>
    public string? Email => Field("email");

    /// <summary>Every field of the record: the contact's under their wire names, any other column as it was spelled.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The fields that go on the wire (<see cref="WireFieldNames"/>), without the id.</summary>
    public IReadOnlyDictionary<string, string> WireFields =>
        WireFieldNames.Where(_fields.ContainsKey).ToDictionary(name => name, name => _fields[name], StringComparer.Ordinal);

    /// <summary>The record the contact was read from (not sent).</summary>
    public object? Source { get; set; }

    /// <summary>Builds a new contact from a record; the phone number must be E.164 or local with <paramref name="defaultCountryCode"/>.</summary>
    /// <exception cref="InputValidationException">No phone number, or one that cannot be brought to E.164.</exception>
    public static SmsContact FromFields(IEnumerable<KeyValuePair<string, object?>> fields, long row, string? defaultCountryCode)
    {
        var rules = SmsRules.Instance;
        if (defaultCountryCode != null && PhoneNumberNormalizer.DefaultRegion(defaultCountryCode) == null)
        {
            throw rules.Fail("DefaultCountryCode", $"DefaultCountryCode '{defaultCountryCode}' is not a calling code or region. Use digits such as 1 (US/Canada) or 44 (UK), or a region such as US or GB.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? id = null;
        foreach (KeyValuePair<string, object?> field in fields)
        {
            string? value = Convert.ToString(field.Value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            switch (FieldNames.Normalize(field.Key))
            {
                case "firstname":
                    values["firstName"] = value!;
                    break;
                case "lastname":
                    values["lastName"] = value!;
                    break;
                case "phonenumber":
                case "phone":
                case "mobile":
                    values["phoneNumber"] = value!;
                    break;
                case "email":
                case "emailaddress":
                    values["email"] = value!;
                    break;
                case "id":
                case "contactid":
                    id = value;
                    break;
                default:
                    values[field.Key.Trim()] = value!;
                    break;
            }
        }

        if (!values.TryGetValue("phoneNumber", out string? phone))
        {
            if (id != null)
            {
                return new SmsContact(row, id, values);
            }

            throw rules.Fail("PhoneNumber", $"Contact row {row} has no phoneNumber. Every new contact needs one.");
        }

        string? e164 = PhoneNumberNormalizer.ToE164(phone, defaultCountryCode);
        if (e164 == null)
        {
            throw rules.Fail("PhoneNumber", defaultCountryCode == null && !phone.TrimStart().StartsWith("+", StringComparison.Ordinal)
                ? $"Contact row {row} has phone number '{phone}', which is not in E.164 form (+ country code and number, e.g. +14155550133). Give -DefaultCountryCode to convert local numbers."
                : $"Contact row {row} has phone number '{phone}', which is not a valid number for its country (checked against its numbering plan, e.g. +14155550133).");
        }

        values["phoneNumber"] = e164;
        return new SmsContact(row, id, values);
    }

    internal static SmsContact FromApi(IReadOnlyDictionary<string, string> fields, string? id) =>
        new SmsContact(0, id, new Dictionary<string, string>(fields.ToDictionary(f => f.Key, f => f.Value)));

    // This contact as the API answered it, with the row and record of the input it came from (when known).
    internal SmsContact From(SmsContact? origin) =>
        origin == null ? this : new SmsContact(origin.Row, Id ?? origin.Id, _fields) { Source = origin.Source };

    /// <summary>The value of a field by its wire name, or null.</summary>
    public string? Field(string name) => _fields.TryGetValue(name, out string? value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => Row > 0 ? $"row {Row}: {PhoneNumber ?? Id}" : PhoneNumber ?? Id ?? string.Empty;
}
