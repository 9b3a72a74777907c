using System.Globalization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// One lead for a campaign. Built from any record (an Import-Csv row, a hashtable): the lead fields of
/// Smartlead's leads API reference (LeadInput: email, first_name, last_name, company_name, phone_number,
/// website) map whichever way they are spelled (FirstName or first_name), and every other non-empty column,
/// location, linkedin_profile and company_url included, becomes a custom field, so a server that follows the
/// reference keeps all of a row's data.
/// </summary>
public sealed class SmartleadLead
{
    // The LeadInput properties of smartlead-ai-leads-api-openapi.yml (addLeadsToCampaign), custom_fields aside.
    // The help center's location, linkedin_profile and company_url are not among them: they go in custom_fields.
    private static readonly Dictionary<string, string> StandardFields = new Dictionary<string, string>
    {
        ["email"] = "email",
        ["firstname"] = "first_name",
        ["lastname"] = "last_name",
        ["companyname"] = "company_name",
        ["phonenumber"] = "phone_number",
        ["website"] = "website",
    };

    private SmartleadLead(long row, Dictionary<string, string> fields, Dictionary<string, string> customFields)
    {
        Row = row;
        Fields = fields;
        CustomFields = customFields;
    }

    /// <summary>The 1-based position of the record in the input, for error messages.</summary>
    public long Row { get; }

    /// <summary>The lead's e-mail address.</summary>
    public string Email => Fields["email"];

    /// <summary>The reference's lead fields by wire name (email, first_name, last_name, company_name, phone_number, website).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Every other column (location, linkedin_profile, ...), sent as custom_fields under the name it had.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; }

    /// <summary>The record the lead was read from (not sent): what an error about this lead points at.</summary>
    public object? Source { get; set; }

    /// <summary>Builds a lead from a record's fields; <paramref name="row"/> names it in errors.</summary>
    /// <exception cref="InputValidationException">No valid e-mail, or more than 200 custom fields.</exception>
    public static SmartleadLead FromFields(IEnumerable<KeyValuePair<string, object?>> fields, long row)
    {
        var rules = SmartleadRules.Instance;
        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> field in fields)
        {
            string? value = Convert.ToString(field.Value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(value) || string.IsNullOrWhiteSpace(field.Key))
            {
                continue;
            }

            if (StandardFields.TryGetValue(FieldNames.Normalize(field.Key), out string? wireName))
            {
                standard[wireName] = value!;
            }
            else
            {
                custom[field.Key.Trim()] = value!;
            }
        }

        if (!standard.TryGetValue("email", out string? email))
        {
            throw rules.Fail("Email", $"Lead row {row} has no email. Every lead needs an 'email' (or 'Email') column.");
        }

        if (!InputRules.IsEmail(email))
        {
            throw rules.Fail("Email", $"Lead row {row} has email '{email}', which is not a valid e-mail address. Correct it to the form name@example.com.");
        }

        if (custom.Count > SmartleadRules.MaxCustomFields)
        {
            throw rules.Fail("CustomFields", $"Lead row {row} ({email}) has {custom.Count} custom fields; Smartlead allows {SmartleadRules.MaxCustomFields}. Remove columns you do not use in the sequence.");
        }

        return new SmartleadLead(row, standard, custom);
    }

    /// <inheritdoc />
    public override string ToString() => $"row {Row}: {Email}";
}
