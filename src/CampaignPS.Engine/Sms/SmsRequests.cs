using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Sms;

/// <summary>An SMS campaign to create: a message, contacts, and optionally a schedule.</summary>
public sealed class NewSmsCampaign
{
    private static readonly Regex MergeField = new Regex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant);

    /// <summary>The campaign name (required).</summary>
    public string? Name { get; set; }

    /// <summary>The message, with merge fields such as {{firstName}} (required).</summary>
    public string? Message { get; set; }

    /// <summary>Contacts to create with the campaign.</summary>
    public IReadOnlyList<SmsContact> NewContacts { get; set; } = Array.Empty<SmsContact>();

    /// <summary>Contacts Tether knows already (their fields, when known, are checked against the merge fields).</summary>
    public IReadOnlyList<SmsContact> ExistingContacts { get; set; } = Array.Empty<SmsContact>();

    /// <summary>When to send; null leaves the campaign as a draft to send with Send-SmsCampaign.</summary>
    public DateTimeOffset? ScheduleDate { get; set; }

    /// <summary>Let the AI autopilot answer replies.</summary>
    public bool? Autopilot { get; set; }

    /// <summary>The channel; Tether documents "sms".</summary>
    public string Type { get; set; } = "sms";

    /// <summary>The process (pipeline) id.</summary>
    public string? Process { get; set; }

    /// <summary>Segmentation settings as JSON (Tether: enabled, contactDistribution, ...).</summary>
    public string? SegmentationJson { get; set; }

    /// <summary>Assignment settings as JSON (Tether: isAssignmentEnabled, assignmentType, ...).</summary>
    public string? AssignmentJson { get; set; }

    /// <summary>True when creating the campaign schedules messages to real recipients.</summary>
    public bool Sends => ScheduleDate.HasValue;

    /// <summary>Checks everything that can be checked without sending: names, merge fields on every contact, schedule.</summary>
    public void Validate(DateTimeOffset now) => ToBody(now);

    internal CampaignBody ToBody(DateTimeOffset now)
    {
        var rules = SmsRules.Instance;
        string name = rules.NotBlank("Name", Name).Trim();
        string message = rules.NotBlank("Message", Message);
        if (NewContacts.Count == 0 && ExistingContacts.Count == 0)
        {
            throw rules.Fail("NewContact", "The campaign has no contacts. Pipe contacts in (-NewContact) or give -ExistingContactId.");
        }

        if (!string.Equals(Type, "sms", StringComparison.Ordinal))
        {
            throw rules.Fail("Type", $"Type '{Type}' is not supported. Tether documents 'sms'.");
        }

        if (ScheduleDate.HasValue)
        {
            rules.InFuture("ScheduleDate", ScheduleDate.Value, now);
        }

        CheckMergeFields(rules, message);
        return new CampaignBody
        {
            Name = name,
            Message = message,
            NewContacts = NewContacts.Select(c => c.WireFields).ToList(),
            SelectedExistingContacts = ExistingContacts.Select(c => c.WireFields.Concat(new[] { new KeyValuePair<string, string>("_id", c.Id ?? string.Empty) })
                .ToDictionary(f => f.Key, f => f.Value)).ToList(),
            ScheduleDate = ScheduleDate?.UtcDateTime,
            IsAutopilot = Autopilot,
            Type = Type,
            Process = Process,
            Segmentation = Json(rules, "Segmentation", SegmentationJson),
            Assignment = Json(rules, "Assignment", AssignmentJson),
        };
    }

    /// <summary>The merge fields the message uses, e.g. firstName for {{firstName}}.</summary>
    public IReadOnlyList<string> MergeFields => MergeField.Matches(Message ?? string.Empty).Cast<Match>().Select(m => m.Groups["name"].Value).Distinct().ToList();

    private void CheckMergeFields(InputRules rules, string message)
    {
        foreach (string field in MergeFields)
        {
            if (!SmsContact.WireFieldNames.Contains(field))
            {
                throw rules.Fail("Message", $"Message uses {{{{{field}}}}}, which Tether cannot fill: a campaign contact carries only {string.Join(", ", SmsContact.WireFieldNames)}. Use one of those merge fields, or write the text into the message.");
            }

            foreach (SmsContact contact in NewContacts.Concat(ExistingContacts.Where(c => c.Fields.Count > 0)))
            {
                if (string.IsNullOrEmpty(contact.Field(field)))
                {
                    throw rules.Fail("Message", $"Message uses {{{{{field}}}}}, but contact {contact} has no {field}. Give every contact a {field}, or remove {{{{{field}}}}} from the message.");
                }
            }
        }
    }

    private static JsonElement? Json(InputRules rules, string field, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json!);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw rules.Fail(field, $"{field} must be an object, e.g. @{{ enabled = $true }}.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw rules.Fail(field, $"{field} is not valid JSON ({exception.Message}).");
        }
    }
}

/// <summary>Changes to an SMS campaign (PATCH /api/campaigns/{id}); at least one must be set.</summary>
public sealed class SmsCampaignChanges
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>A new message (merge fields as for New-SmsCampaign: firstName, lastName, phoneNumber, email).</summary>
    public string? Message { get; set; }

    /// <summary>A new (future) time to send.</summary>
    public DateTimeOffset? ScheduleDate { get; set; }

    /// <summary>Checks the changes without sending anything.</summary>
    /// <exception cref="InputValidationException">Nothing to change, or a value is invalid; the message names it.</exception>
    public void Validate(DateTimeOffset now) => ToBody(now);

    internal CampaignPatchBody ToBody(DateTimeOffset now)
    {
        var rules = SmsRules.Instance;
        rules.AtLeastOne("Changes", new Dictionary<string, bool> { ["Name"] = Name != null, ["Message"] = Message != null, ["ScheduleDate"] = ScheduleDate.HasValue });
        if (ScheduleDate.HasValue)
        {
            rules.InFuture("ScheduleDate", ScheduleDate.Value, now);
        }

        if (Message != null)
        {
            rules.NotBlank("Message", Message);
            foreach (string field in new NewSmsCampaign { Message = Message }.MergeFields)
            {
                if (!SmsContact.WireFieldNames.Contains(field))
                {
                    throw rules.Fail("Message", $"Message uses {{{{{field}}}}}, which Tether cannot fill: a campaign contact carries only {string.Join(", ", SmsContact.WireFieldNames)}.");
                }
            }
        }

        return new CampaignPatchBody
        {
            Name = Name == null ? null : rules.NotBlank("Name", Name).Trim(),
            Message = Message,
            ScheduleDate = ScheduleDate?.UtcDateTime,
        };
    }
}

/// <summary>What Tether's auto-segment splits: a number of contacts, one segment a day from the first date and time.</summary>
public sealed class SmsAutoSegmentRequest
{
    /// <summary>Tether's segment size in the docs' example (500 contacts make 5 segments of 100).</summary>
    public const int ContactsPerSegment = 100;

    /// <summary>How many contacts to split (1 to 100,000).</summary>
    public int TotalContacts { get; set; }

    /// <summary>The first segment's date.</summary>
    public DateTime FirstSegmentDate { get; set; }

    /// <summary>The first segment's time of day (hours and minutes).</summary>
    public TimeSpan FirstSegmentTime { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    public void Validate() => ToBody();

    internal AutoSegmentBody ToBody()
    {
        var rules = SmsRules.Instance;
        rules.Range("TotalContacts", TotalContacts, 1, 100_000);
        if (FirstSegmentTime < TimeSpan.Zero || FirstSegmentTime >= TimeSpan.FromDays(1))
        {
            throw rules.Fail("FirstSegmentTime", $"FirstSegmentTime {FirstSegmentTime} is not a time of day. Give hours and minutes from 00:00 to 23:59, e.g. 10:00.");
        }

        return new AutoSegmentBody
        {
            TotalContacts = TotalContacts,
            FirstSegmentDate = FirstSegmentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            FirstSegmentTime = new DateTime(FirstSegmentTime.Ticks).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

internal static class SmsRules
{
    public static InputRules Instance { get; } = new InputRules("Sms");

    public static string CampaignId(string? id) => Instance.PlainId("CampaignId", id);
}
