using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Sms;

// Wire shapes from Tether's published API reference pages (docs.tetherai.ca, bundled openapi.yaml
// 3.0.3): responses are {success, message, data}; the route-derived split spec only has generic envelopes.

internal sealed class CampaignBody
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    [JsonPropertyName("newContacts")]
    public IReadOnlyList<IReadOnlyDictionary<string, string>> NewContacts { get; set; } = Array.Empty<IReadOnlyDictionary<string, string>>();

    [JsonPropertyName("selectedExistingContacts")]
    public IReadOnlyList<Dictionary<string, string>> SelectedExistingContacts { get; set; } = Array.Empty<Dictionary<string, string>>();

    [JsonPropertyName("scheduleDate")]
    public DateTime? ScheduleDate { get; set; }

    [JsonPropertyName("process")]
    public string? Process { get; set; }

    [JsonPropertyName("isAutopilot")]
    public bool? IsAutopilot { get; set; }

    [JsonPropertyName("type")]
    public string Type { get; set; } = "sms";

    [JsonPropertyName("segmentation")]
    public JsonElement? Segmentation { get; set; }

    [JsonPropertyName("assignment")]
    public JsonElement? Assignment { get; set; }
}

internal sealed class ValidateContactsBody
{
    [JsonPropertyName("contacts")]
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Contacts { get; set; } = Array.Empty<IReadOnlyDictionary<string, string>>();

    [JsonPropertyName("segmentationConfig")]
    public JsonElement? SegmentationConfig { get; set; }

    [JsonPropertyName("assignmentConfig")]
    public JsonElement? AssignmentConfig { get; set; }
}

internal sealed class Envelope<T>
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public T? Data { get; set; }
}

internal sealed class CampaignDto
{
    [JsonPropertyName("_id")]
    public string? UnderscoreId { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("scheduleDate")]
    public DateTimeOffset? ScheduleDate { get; set; }

    [JsonPropertyName("contactStatus")]
    public string? ContactStatus { get; set; }

    [JsonPropertyName("process")]
    public string? Process { get; set; }

    [JsonPropertyName("isAutopilot")]
    public bool? IsAutopilot { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("createdBy")]
    public JsonElement? CreatedBy { get; set; }

    [JsonPropertyName("stats")]
    public StatsDto? Stats { get; set; }

    [JsonPropertyName("userIds")]
    public List<JsonElement>? UserIds { get; set; }

    [JsonPropertyName("failedDetails")]
    public List<JsonElement>? FailedDetails { get; set; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    public SmsCampaign ToModel() => new SmsCampaign
    {
        Id = UnderscoreId ?? Id ?? string.Empty,
        Name = Name ?? string.Empty,
        Message = Message,
        Status = Status,
        ScheduleDate = ScheduleDate,
        ContactStatus = ContactStatus,
        Process = Process,
        IsAutopilot = IsAutopilot,
        Type = Type,
        CreatedBy = CreatedBy switch
        {
            { ValueKind: JsonValueKind.Object } who when who.TryGetProperty("fullName", out JsonElement name) => name.GetString(),
            { ValueKind: JsonValueKind.String } who => who.GetString(),
            _ => null,
        },
        Total = Stats?.Total,
        Sent = Stats?.Sent,
        Failed = Stats?.Failed,
        SuccessRate = Stats?.SuccessRate,
        FailedDetails = (FailedDetails ?? new List<JsonElement>()).Select(ReadFailure).ToList(),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        UserIds = (UserIds ?? new List<JsonElement>()).Select(IdOf).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToList(),
    };

    // userIds items are ids, or objects with an _id where the answer populates them.
    private static string? IdOf(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString(),
        JsonValueKind.Object => Text(item, "_id") ?? Text(item, "id"),
        _ => null,
    };

    // failedDetails items are documented only as objects: read the phone and the reason when present.
    private static SmsFailure ReadFailure(JsonElement item) => item.ValueKind == JsonValueKind.Object
        ? new SmsFailure { PhoneNumber = Text(item, "phoneNumber") ?? Text(item, "phone"), Error = Text(item, "error") ?? Text(item, "message") ?? Text(item, "reason") }
        : new SmsFailure { Error = item.ToString() };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

// A contact as GET /api/contacts lists it: _id plus its string or number fields (firstName, lastName, phoneNumber, email, ...).
internal static class ContactJson
{
    public static SmsContact Read(JsonElement item)
    {
        var fields = item.EnumerateObject()
            .Where(f => f.Name != "_id" && f.Name != "id" && f.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.ToString(), StringComparer.Ordinal);
        string? id = (item.TryGetProperty("_id", out JsonElement value) || item.TryGetProperty("id", out value)) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return SmsContact.FromApi(fields, id);
    }
}

internal sealed class StatsDto
{
    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("sent")]
    public long? Sent { get; set; }

    [JsonPropertyName("failed")]
    public long? Failed { get; set; }

    [JsonPropertyName("successRate")]
    public string? SuccessRate { get; set; }
}

internal sealed class ValidationDto
{
    [JsonPropertyName("newContacts")]
    public List<Dictionary<string, JsonElement>>? NewContacts { get; set; }

    [JsonPropertyName("existingContacts")]
    public List<Dictionary<string, JsonElement>>? ExistingContacts { get; set; }

    [JsonPropertyName("assignedToOtherUsers")]
    public List<Dictionary<string, JsonElement>>? AssignedToOtherUsers { get; set; }

    [JsonPropertyName("alreadyMessagedOutbound")]
    public List<Dictionary<string, JsonElement>>? AlreadyMessagedOutbound { get; set; }

    [JsonPropertyName("alreadyMessagedInbound")]
    public List<Dictionary<string, JsonElement>>? AlreadyMessagedInbound { get; set; }

    [JsonPropertyName("assignedToYouNotOwned")]
    public List<Dictionary<string, JsonElement>>? AssignedToYouNotOwned { get; set; }

    [JsonPropertyName("protectedContacts")]
    public List<Dictionary<string, JsonElement>>? ProtectedContacts { get; set; }

    // Each classified contact is matched to the input it came from (by phone number, else by id), so it keeps
    // that row's number and record: Tether's answer knows neither.
    public SmsContactValidation ToModel(IReadOnlyList<SmsContact> sent)
    {
        var byPhone = sent.Where(c => c.PhoneNumber != null).GroupBy(c => c.PhoneNumber!).ToDictionary(g => g.Key, g => g.First());
        var byId = sent.Where(c => c.Id != null).GroupBy(c => c.Id!).ToDictionary(g => g.Key, g => g.First());
        SmsContact? Origin(SmsContact answered) =>
            answered.PhoneNumber != null && byPhone.TryGetValue(answered.PhoneNumber, out SmsContact? phone) ? phone
            : answered.Id != null && byId.TryGetValue(answered.Id, out SmsContact? id) ? id
            : null;
        IReadOnlyList<SmsContact> Contacts(List<Dictionary<string, JsonElement>>? items) => Read(items).Select(c => c.From(Origin(c))).ToList();

        return new SmsContactValidation
        {
            NewContacts = Contacts(NewContacts),
            ExistingContacts = Contacts(ExistingContacts),
            AssignedToOtherUsers = Contacts(AssignedToOtherUsers),
            AlreadyMessagedOutbound = Contacts(AlreadyMessagedOutbound),
            AlreadyMessagedInbound = Contacts(AlreadyMessagedInbound),
            AssignedToYouNotOwned = Contacts(AssignedToYouNotOwned),
            ProtectedContacts = Contacts(ProtectedContacts),
        };
    }

    private static IEnumerable<SmsContact> Read(List<Dictionary<string, JsonElement>>? items) =>
        (items ?? new List<Dictionary<string, JsonElement>>()).Select(item =>
        {
            var fields = item.Where(f => f.Key != "_id" && f.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .ToDictionary(f => f.Key, f => f.Value.ToString());
            string? id = item.TryGetValue("_id", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return SmsContact.FromApi(fields, id);
        });
}

// PATCH /api/campaigns/{id}: Tether's reference leaves the body open (additionalProperties: true); the fields
// written are the campaign object's editable ones from the docs' create and campaign examples: name, message, scheduleDate.
internal sealed class CampaignPatchBody
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("scheduleDate")]
    public DateTime? ScheduleDate { get; set; }
}

// POST /api/campaigns/auto-segment: tether-post-api-campaigns-auto-segment.request/response.json (docs site).
internal sealed class AutoSegmentBody
{
    [JsonPropertyName("totalContacts")]
    public int TotalContacts { get; set; }

    [JsonPropertyName("firstSegmentDate")]
    public string FirstSegmentDate { get; set; } = string.Empty;

    [JsonPropertyName("firstSegmentTime")]
    public string FirstSegmentTime { get; set; } = string.Empty;
}

// The response example has segments at the top level; the reader also takes them inside "data" ({success, message, data}).
internal sealed class AutoSegmentDto
{
    [JsonPropertyName("segments")]
    public List<SegmentDto>? Segments { get; set; }

    [JsonPropertyName("totalSegments")]
    public int? TotalSegments { get; set; }

    [JsonPropertyName("warnings")]
    public List<string>? Warnings { get; set; }

    [JsonPropertyName("data")]
    public AutoSegmentDto? Data { get; set; }

    public AutoSegmentDto Inner => Data ?? this;
}

internal sealed class SegmentDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("scheduledDate")]
    public DateTimeOffset? ScheduledDate { get; set; }

    [JsonPropertyName("contactCount")]
    public int ContactCount { get; set; }
}

// POST /api/auth/login and /api/auth/refresh: the reference documents the routes and the generic envelope only
// (api_auth_login.yaml, api_auth_refresh.yaml: free-form body, ApiResponse). The writer sends {email, password} and
// {refreshToken}; the reader takes the token as token, accessToken or jwt, in data or at the top level.
internal sealed class SignInBody
{
    [JsonPropertyName("email")]
    public string Email { get; set; } = string.Empty;

    [JsonPropertyName("password")]
    public string Password { get; set; } = string.Empty;
}

internal sealed class RefreshBody
{
    [JsonPropertyName("refreshToken")]
    public string? RefreshToken { get; set; }
}

internal sealed class TokenDto
{
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("accessToken")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("jwt")]
    public string? Jwt { get; set; }

    [JsonPropertyName("refreshToken")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expiresIn")]
    public double? ExpiresIn { get; set; }

    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonPropertyName("data")]
    public TokenDto? Data { get; set; }

    public string? AnyToken => Data?.AnyToken ?? Token ?? AccessToken ?? Jwt;
}
