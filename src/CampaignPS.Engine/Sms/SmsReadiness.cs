using CampaignPS.Engine.Readiness;

namespace CampaignPS.Engine.Sms;

/// <summary>What the readiness check of one SMS campaign read from the server.</summary>
public sealed class SmsReadinessInput
{
    /// <summary>The campaign (GET /api/campaigns/{id}): status, message, schedule, userIds and stats.</summary>
    public SmsCampaign Campaign { get; set; } = new SmsCampaign();

    /// <summary>The campaign's recipients that could be read: its userIds matched against GET /api/contacts.</summary>
    public IReadOnlyList<SmsContact> Contacts { get; set; } = Array.Empty<SmsContact>();

    /// <summary>When the check runs (a scheduled time must be later).</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>The change a launch is about to send (Set-SmsCampaign -ScheduleDate ... -Message ...): its message is the one checked, and its time replaces the campaign's.</summary>
    public SmsCampaignChanges? Launch { get; set; }
}

/// <summary>
/// Why an SMS campaign cannot be sent yet: a pure check over what was read (<see cref="Check"/>), and the reads it needs
/// (<see cref="TestAsync"/>). Contacts must have E.164 numbers, every merge field of the message must be filled on every
/// contact, a scheduled time must be in the future, and the status must still allow a send.
/// </summary>
public static class SmsReadiness
{
    private const int Named = 5;

    /// <summary>
    /// Reads the campaign and, when it lists userIds, the instance's contacts (GET /api/contacts) to find its recipients;
    /// then checks them. An unknown campaign fails with SmsCampaignNotFound. <paramref name="launch"/> is the change a
    /// launch cmdlet is about to send, if any.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignReadinessFinding>> TestAsync(SmsClient client, string campaignId, SmsCampaignChanges? launch = null, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        SmsCampaign campaign = await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmsContact> recipients = Array.Empty<SmsContact>();
        if (campaign.UserIds.Count > 0)
        {
            IReadOnlyList<SmsContact> all = await client.GetContactsAsync(cancellationToken).ConfigureAwait(false);
            var byId = all.Where(c => c.Id != null).GroupBy(c => c.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            recipients = campaign.UserIds.Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }

        return Check(new SmsReadinessInput { Campaign = campaign, Contacts = recipients, Now = client.UtcNow, Launch = launch });
    }

    /// <summary>The findings for what was read; none for a campaign that is ready in every respect.</summary>
    public static IReadOnlyList<CampaignReadinessFinding> Check(SmsReadinessInput input)
    {
        if (input == null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        SmsCampaign campaign = input.Campaign;
        string id = campaign.Id;
        var findings = new List<CampaignReadinessFinding>();
        void Add(ReadinessSeverity severity, string check, string message, string fix) =>
            findings.Add(new CampaignReadinessFinding(Platform.Sms, id, severity, check, message, fix));

        string status = (campaign.Status ?? string.Empty).ToLowerInvariant();
        if (status is "sending" or "completed" or "cancelled" or "failed")
        {
            Add(ReadinessSeverity.Error, "StatusNotSendable", $"The campaign is {campaign.Status}; only a draft or scheduled campaign can be sent.",
                "Create a new campaign (New-SmsCampaign) to send again.");
        }

        // A launch brings its own time, which Set-SmsCampaign has checked is in the future.
        if (input.Launch?.ScheduleDate == null && campaign.ScheduleDate is DateTimeOffset at && status != "completed" && status != "cancelled" && at <= input.Now)
        {
            Add(ReadinessSeverity.Error, "ScheduleInPast", $"The campaign is scheduled for {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC, which has passed.",
                $"Give it a future time (Set-SmsCampaign -CampaignId {id} -ScheduleDate), or send it now with Send-SmsCampaign -CampaignId {id} -Force.");
        }

        string? message = input.Launch?.Message ?? campaign.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            Add(ReadinessSeverity.Error, "MessageMissing", "The campaign has no message text.", $"Set-SmsCampaign -CampaignId {id} -Message 'Hi {{{{firstName}}}}, ...'");
        }

        CheckContacts(campaign, message, input.Contacts, id, Add);
        return findings;
    }

    private static void CheckContacts(SmsCampaign campaign, string? message, IReadOnlyList<SmsContact> contacts, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        long expected = Math.Max(campaign.Total ?? 0, campaign.UserIds.Distinct(StringComparer.Ordinal).LongCount());
        if (expected == 0 && contacts.Count == 0)
        {
            add(ReadinessSeverity.Error, "ContactsMissing", "The campaign has no contacts.", "Create it with contacts: Import-Csv contacts.csv | New-SmsCampaign -Name ... -Message ...");
            return;
        }

        if (contacts.Count < expected)
        {
            add(ReadinessSeverity.Info, "ContactsNotReadable",
                $"Checked {contacts.Count} of the campaign's {expected} contacts: Tether documents no route that lists a campaign's contacts, so the userIds GET /api/contacts does not list could not be checked for E.164 numbers and merge fields.",
                "Check contacts before creating a campaign with Test-SmsCampaignContact; New-SmsCampaign checks numbers and merge fields of the rows it is given.");
        }

        var invalid = contacts.Where(c => !PhoneNumberNormalizer.IsE164(c.PhoneNumber) || PhoneNumberNormalizer.ToE164(c.PhoneNumber, null) != c.PhoneNumber).ToList();
        if (invalid.Count > 0)
        {
            add(ReadinessSeverity.Error, "ContactPhoneInvalid",
                $"{Count(invalid.Count, "contact has a phone number", "contacts have phone numbers")} that {(invalid.Count == 1 ? "is" : "are")} not valid E.164: {Names(invalid, c => $"{Name(c)} '{c.PhoneNumber}'")}.",
                "Correct the numbers in Tether (+ country code and number, e.g. +14155550133), or create a new campaign from corrected rows (New-SmsCampaign -DefaultCountryCode converts local numbers).");
        }

        foreach (string field in MergeFields(message))
        {
            if (!SmsContact.WireFieldNames.Contains(field))
            {
                add(ReadinessSeverity.Error, "MergeFieldUnknown", $"The message uses {{{{{field}}}}}, which Tether cannot fill: a contact carries only {string.Join(", ", SmsContact.WireFieldNames)}.",
                    $"Use one of those merge fields, or write the text into the message (Set-SmsCampaign -CampaignId {id} -Message).");
                continue;
            }

            var missing = contacts.Where(c => string.IsNullOrEmpty(c.Field(field))).ToList();
            if (missing.Count > 0)
            {
                add(ReadinessSeverity.Error, "MergeFieldMissing",
                    $"The message uses {{{{{field}}}}}, but {Count(missing.Count, "contact has", "contacts have")} no {field}: {Names(missing, Name)}.",
                    $"Fill in {field} on every contact in Tether, or remove {{{{{field}}}}} from the message (Set-SmsCampaign -CampaignId {id} -Message).");
            }
        }
    }

    private static IReadOnlyList<string> MergeFields(string? message) => new NewSmsCampaign { Message = message }.MergeFields;

    private static string Count(int count, string one, string many) => count == 1 ? "1 " + one : $"{count} {many}";

    private static string Names(IReadOnlyList<SmsContact> contacts, Func<SmsContact, string> name) =>
        string.Join(", ", contacts.Take(Named).Select(name)) + (contacts.Count > Named ? $" and {contacts.Count - Named} more" : string.Empty);

    private static string Name(SmsContact contact)
    {
        string person = string.Join(" ", new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrEmpty(n)));
        string label = person.Length > 0 ? person : contact.PhoneNumber ?? string.Empty;
        return contact.Id == null ? label : $"{label} ({contact.Id})".TrimStart();
    }
}
