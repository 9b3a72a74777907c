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

internal static class SmsRules
{
    public static InputRules Instance { get; } = new InputRules("Sms");

    public static string CampaignId(string? id) => Instance.PlainId("CampaignId", id);
}
