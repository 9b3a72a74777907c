using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignPS.Sandbox.Platforms.Sms;

internal sealed record SmsNewContact(string Field, string? FirstName, string? LastName, string PhoneNumber, string? Email);

/// <summary>An existing contact named by id; Field is where it came from, e.g. "selectedExistingContacts[1]._id".</summary>
internal sealed record SmsContactReference(string Field, string Id);

internal sealed record SmsCampaignInput(
    string Name,
    string Message,
    IReadOnlyList<SmsNewContact> NewContacts,
    IReadOnlyList<SmsContactReference> ExistingContacts,
    DateTimeOffset? ScheduleDate,
    string? RequestedStatus,
    string? Process,
    string ContactStatus,
    bool IsAutopilot,
    string? SegmentationJson,
    string? AssignmentJson,
    string? RawCsvDataJson);

internal sealed record SmsCampaignPatch(Optional<string> Name, Optional<string> Message, Optional<DateTimeOffset?> ScheduleDate);

internal sealed record SmsValidateInput(IReadOnlyList<(string Field, string PhoneNumber, JsonNode Raw)> Contacts);

internal sealed record SmsAutoSegmentInput(int TotalContacts, DateOnly FirstSegmentDate, TimeOnly FirstSegmentTime, TimeZoneInfo TimeZone);

/// <summary>Reads Tether request bodies. Tether's OpenAPI leaves bodies open ("additionalProperties: true");
/// the sandbox accepts the fields of the docs' examples and field list and refuses others, so typos surface.</summary>
internal static partial class SmsInputs
{
    public const int SegmentSize = 100;
    public const int MaxAutoSegmentContacts = 100_000;

    private static readonly string[] CampaignFields =
    [
        "name", "message", "newContacts", "selectedExistingContacts", "userIds", "scheduleDate", "process", "status",
        "isAutopilot", "type", "segmentation", "assignment", "rawCsvData", "contactStatus",
    ];

    private static readonly string[] PatchFields = ["name", "message", "scheduleDate"];
    private static readonly string[] ContactFields = ["_id", "firstName", "lastName", "phoneNumber", "email"];
    private static readonly string[] ValidateFields = ["contacts", "segmentationConfig", "assignmentConfig"];
    private static readonly string[] AutoSegmentFields = ["totalContacts", "firstSegmentDate", "firstSegmentTime", "timezone"];

    public static SmsCampaignInput ReadCampaign(string text, DateTimeOffset now)
    {
        var body = JsonRequestBody.Parse(text, CampaignFields);
        var name = RequiredText(body, "name");
        var message = RequiredText(body, "message");

        var newContacts = new List<SmsNewContact>();
        foreach (var (item, index) in Items(body, "newContacts"))
        {
            var field = $"newContacts[{index}]";
            var phone = item.String("phoneNumber");
            newContacts.Add(new SmsNewContact(
                field,
                OptionalText(item, "firstName"),
                OptionalText(item, "lastName"),
                phone.IsSet ? PhoneNumber(field + ".phoneNumber", phone.Value) : throw Missing(field + ".phoneNumber"),
                OptionalText(item, "email")));
            if (item.Has("_id"))
            {
                throw PlatformErrorException.FieldError(field + "._id", $"{field}._id is not allowed: new contacts get their id from the server; use selectedExistingContacts.");
            }
        }

        var existing = new List<SmsContactReference>();
        foreach (var (item, index) in Items(body, "selectedExistingContacts"))
        {
            var field = $"selectedExistingContacts[{index}]";
            var id = item.String("_id");
            if (item.String("phoneNumber") is { IsSet: true } phone)
            {
                PhoneNumber(field + ".phoneNumber", phone.Value);
            }
            existing.Add(new SmsContactReference(field + "._id", id.IsSet ? id.Value : throw Missing(field + "._id")));
        }
        // userIds: the campaign object's (legacy) list of recipient contact ids.
        if (body.Strings("userIds") is { IsSet: true } userIds)
        {
            existing.AddRange(userIds.Value.Select((id, index) => new SmsContactReference($"userIds[{index}]", id)));
        }
        if (newContacts.Count == 0 && existing.Count == 0)
        {
            throw PlatformErrorException.BadRequest(
                "At least one contact is required: give newContacts, selectedExistingContacts or userIds.");
        }

        var scheduleDate = ScheduleDate(body, now);
        var status = body.String("status") is { IsSet: true } requested ? requested.Value : null;
        if (status is not null && status is not (SmsCampaignStatus.Draft or SmsCampaignStatus.Scheduled))
        {
            throw PlatformErrorException.FieldError("status", $"status must be \"draft\" or \"scheduled\" when creating a campaign (got \"{status}\").");
        }
        if (status == SmsCampaignStatus.Scheduled && scheduleDate is null)
        {
            throw PlatformErrorException.FieldError("scheduleDate", "scheduleDate is required for a scheduled campaign.");
        }
        if (body.String("type") is { IsSet: true } type && type.Value != "sms")
        {
            throw PlatformErrorException.FieldError("type", $"type must be \"sms\" (got \"{type.Value}\").");
        }

        return new SmsCampaignInput(
            name,
            message,
            newContacts,
            existing,
            scheduleDate,
            status,
            body.NullableString("process").Value,
            OptionalText(body, "contactStatus") ?? "New Lead",
            body.Boolean("isAutopilot") is { IsSet: true } autopilot && autopilot.Value,
            body.NullableObjectJson("segmentation").Value,
            body.NullableObjectJson("assignment").Value,
            body.NullableObjectJson("rawCsvData").Value);
    }

    public static SmsCampaignPatch ReadPatch(string text, DateTimeOffset now)
    {
        var body = JsonRequestBody.Parse(text, PatchFields);
        if (!PatchFields.Any(body.Has))
        {
            throw PlatformErrorException.BadRequest($"Give at least one of {string.Join(", ", PatchFields)}.");
        }
        return new SmsCampaignPatch(
            body.Has("name") ? Optional<string>.Of(RequiredText(body, "name")) : Optional<string>.Unset,
            body.Has("message") ? Optional<string>.Of(RequiredText(body, "message")) : Optional<string>.Unset,
            body.Has("scheduleDate") ? Optional<DateTimeOffset?>.Of(ScheduleDate(body, now)) : Optional<DateTimeOffset?>.Unset);
    }

    public static SmsValidateInput ReadValidate(string text)
    {
        var body = JsonRequestBody.Parse(text, ValidateFields);
        body.NullableObjectJson("segmentationConfig");
        body.NullableObjectJson("assignmentConfig");
        if (!body.Has("contacts"))
        {
            throw Missing("contacts");
        }
        var contacts = new List<(string, string, JsonNode)>();
        foreach (var (item, index) in Items(body, "contacts"))
        {
            var field = $"contacts[{index}].phoneNumber";
            var phone = item.String("phoneNumber");
            contacts.Add((field, phone.IsSet ? PhoneNumber(field, phone.Value) : throw Missing(field), JsonNode.Parse(item.RawJson)!));
        }
        return new SmsValidateInput(contacts);
    }

    public static SmsAutoSegmentInput ReadAutoSegment(string text)
    {
        var body = JsonRequestBody.Parse(text, AutoSegmentFields);
        var total = body.IntegerBetween("totalContacts", 1, MaxAutoSegmentContacts);
        var dateText = body.String("firstSegmentDate");
        var timeText = body.String("firstSegmentTime");
        // The docs' example turns 10:00 into 17:00Z, i.e. a local time; the zone is not in the example.
        // The sandbox takes an optional IANA "timezone" and defaults to UTC.
        var zoneText = body.String("timezone");

        var date = dateText.IsSet
            ? DateOnly.TryParseExact(dateText.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw PlatformErrorException.FieldError("firstSegmentDate", $"firstSegmentDate must be a date like 2026-05-20 (got \"{dateText.Value}\").")
            : throw Missing("firstSegmentDate");
        var time = timeText.IsSet
            ? TextFormats.TryParseHourMinute(timeText.Value, out var t)
                ? t
                : throw PlatformErrorException.FieldError("firstSegmentTime", $"firstSegmentTime must be HH:mm, e.g. 10:00 (got \"{timeText.Value}\").")
            : new TimeOnly(10, 0);
        var zone = TimeZoneInfo.Utc;
        if (zoneText.IsSet && !TextFormats.TryFindIanaTimeZone(zoneText.Value, out zone))
        {
            throw PlatformErrorException.FieldError("timezone", $"timezone must be an IANA time zone such as America/Los_Angeles (got \"{zoneText.Value}\").");
        }
        return new SmsAutoSegmentInput(total.IsSet ? total.Value : throw Missing("totalContacts"), date, time, zone!);
    }

    private static IEnumerable<(JsonRequestBody Item, int Index)> Items(JsonRequestBody body, string field) =>
        (body.Objects(field, ContactFields) is { IsSet: true } items ? items.Value : []).Select((item, index) => (item, index));

    private static DateTimeOffset? ScheduleDate(JsonRequestBody body, DateTimeOffset now)
    {
        var value = body.NullableString("scheduleDate");
        if (value is not { IsSet: true, Value: { } text })
        {
            return null;
        }
        if (!IsoDateTime().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw PlatformErrorException.FieldError("scheduleDate", $"scheduleDate must be an ISO 8601 date-time such as 2026-05-20T15:00:00.000Z (got \"{text}\").");
        }
        return at > now
            ? at
            : throw PlatformErrorException.FieldError("scheduleDate", $"scheduleDate must be in the future (got {text}).");
    }

    private static string PhoneNumber(string field, string text) =>
        E164().IsMatch(text)
            ? text
            : throw PlatformErrorException.FieldError(field, $"{field} must be an E.164 phone number such as +14155550133 (got \"{text}\").");

    private static string RequiredText(JsonRequestBody body, string field)
    {
        var value = body.String(field);
        return !value.IsSet ? throw Missing(field)
            : string.IsNullOrWhiteSpace(value.Value) ? throw PlatformErrorException.FieldError(field, $"{field} must not be empty.")
            : value.Value;
    }

    private static string? OptionalText(JsonRequestBody body, string field) =>
        body.NullableString(field).Value is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static PlatformErrorException Missing(string field) => PlatformErrorException.FieldError(field, $"{field} is required.");

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoDateTime();
}
