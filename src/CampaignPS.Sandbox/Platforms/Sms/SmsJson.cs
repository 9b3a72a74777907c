using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Builds the JSON bodies of Tether responses: <c>{success, message, data}</c> envelopes and the
/// campaign object of tether-campaign-object.example.json.</summary>
internal static class SmsJson
{
    public static JsonObject Success(string message, JsonNode? data) =>
        new() { ["success"] = true, ["message"] = message, ["data"] = data };

    /// <summary>The error body in the selected documented shape; codes are the sandbox's own upper-case names.</summary>
    public static JsonObject Error(SmsErrorShape shape, int statusCode, string message, string? code)
    {
        code ??= CodeFor(statusCode);
        return shape == SmsErrorShape.TopLevel
            ? new JsonObject { ["success"] = false, ["message"] = message, ["code"] = code }
            : new JsonObject { ["success"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
    }

    /// <summary>The create response's data: exactly tether-post-api-campaigns.response.json's fields.</summary>
    public static JsonObject CreatedCampaign(SmsCampaign campaign) => new()
    {
        ["_id"] = campaign.Id,
        ["name"] = campaign.Name,
        ["status"] = campaign.Status,
        ["scheduleDate"] = campaign.ScheduleDate is { } at ? Timestamp(at) : null,
    };

    public static JsonObject Campaign(SmsCampaign campaign) => new()
    {
        ["_id"] = campaign.Id,
        ["organizationId"] = SmsSandboxState.OrganizationId,
        ["name"] = campaign.Name,
        ["message"] = campaign.Message,
        ["userIds"] = Strings(campaign.ContactIds),
        ["scheduleDate"] = campaign.ScheduleDate is { } at ? Timestamp(at) : null,
        ["process"] = campaign.Process,
        ["contactStatus"] = campaign.ContactStatus,
        ["isAutopilot"] = campaign.IsAutopilot,
        ["type"] = campaign.Type,
        ["status"] = campaign.Status,
        ["createdBy"] = new JsonObject { ["_id"] = SmsSandboxState.UserId, ["fullName"] = SmsSandboxState.UserFullName },
        ["failedUserIds"] = Strings(campaign.FailedDetails.Select(f => f.ContactId)),
        ["failedDetails"] = new JsonArray(campaign.FailedDetails
            .Select(f => (JsonNode)new JsonObject { ["phoneNumber"] = f.PhoneNumber, ["error"] = f.Error }).ToArray()),
        ["stats"] = new JsonObject
        {
            ["total"] = campaign.Stats.Total,
            ["sent"] = campaign.Stats.Sent,
            ["failed"] = campaign.Stats.Failed,
            ["successRate"] = campaign.Stats.SuccessRate,
        },
        ["createdAt"] = Timestamp(campaign.CreatedAt),
        ["updatedAt"] = Timestamp(campaign.UpdatedAt),
    };

    public static JsonObject Contact(SmsContact contact) => new()
    {
        ["_id"] = contact.Id,
        ["firstName"] = contact.FirstName,
        ["lastName"] = contact.LastName,
        ["phoneNumber"] = contact.PhoneNumber,
        ["email"] = contact.Email,
    };

    public static JsonArray Contacts(IEnumerable<SmsContact> contacts) => new(contacts.Select(c => (JsonNode)Contact(c)).ToArray());

    /// <summary>JavaScript's toISOString format, as in the examples: 2026-05-20T15:00:00.000Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string CodeFor(int statusCode) => statusCode switch
    {
        400 => "VALIDATION_ERROR",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "CONFLICT",
        429 => "RATE_LIMITED",
        >= 500 => "INTERNAL_ERROR",
        _ => "ERROR_" + statusCode.ToString(CultureInfo.InvariantCulture),
    };
}
