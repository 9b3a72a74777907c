using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>Builds the JSON bodies of Outbox responses (snake_case, field order of the docs' samples).</summary>
internal static class OutboxJson
{
    /// <summary>The create-campaign response sample's fields, plus status. Outbox reports the counters as
    /// strings ("0"), as the sample shows; steps is empty because create adds no step.</summary>
    public static JsonObject Campaign(OutboxCampaign campaign) => new()
    {
        ["id"] = Id(campaign.Id),
        ["steps"] = new JsonArray(),
        ["sender_identities"] = string.Join(", ", campaign.SenderEmails),
        ["sent_count"] = "0",
        ["unique_opens"] = "0",
        ["unique_clicks"] = "0",
        ["replies"] = "0",
        ["name"] = campaign.Name,
        ["updated_at"] = Timestamp(campaign.UpdatedAt),
        ["company"] = Id(campaign.Company),
        ["sender_identity_ids"] = new JsonArray(campaign.SenderIdentityIds.Select(id => (JsonNode)Id(id)).ToArray()),
        ["description"] = campaign.Description,
        ["timezone"] = campaign.Timezone,
        ["allowed_windows"] = campaign.AllowedWindowsJson is { } windows ? JsonNode.Parse(windows) : null,
        ["stop_on_reply"] = campaign.StopOnReply,
        ["is_deleted"] = false,
        ["created_at"] = Timestamp(campaign.CreatedAt),
        ["workflow"] = campaign.Workflow is { } workflow ? Id(workflow) : null,
        ["created_by"] = Id(campaign.CreatedBy),
        ["responder_agent"] = campaign.ResponderAgent is { } agent ? Id(agent) : null,
        ["status"] = campaign.Status,
    };

    /// <summary>The create-sender response sample's fields.</summary>
    public static JsonObject Sender(OutboxSender sender) => new()
    {
        ["id"] = Id(sender.Id),
        ["from_email"] = sender.FromEmail,
        ["updated_at"] = Timestamp(sender.UpdatedAt),
        ["company"] = Id(sender.Company),
        ["from_name"] = sender.FromName,
        ["reply_to_email"] = sender.ReplyToEmail,
        ["use_default_reply_to"] = sender.UseDefaultReplyTo,
        ["provider_sender_id"] = sender.ProviderSenderId,
        ["verification_details"] = sender.VerificationDetailsJson is { } details ? JsonNode.Parse(details) : null,
        ["is_default"] = sender.IsDefault,
        ["is_deleted"] = false,
        ["verified_at"] = sender.VerifiedAt is { } verified ? Timestamp(verified) : null,
        ["created_at"] = Timestamp(sender.CreatedAt),
        ["connection"] = sender.Connection is { } connection ? Id(connection) : null,
        ["domain"] = sender.Domain is { } domain ? Id(domain) : null,
    };

    /// <summary>Outbox documents no error body; the sandbox assumes Django REST framework's:
    /// <c>{"detail": "..."}</c> for auth, not-found, throttling and other whole-request errors, and
    /// <c>{"field": ["message"]}</c> for validation (<c>non_field_errors</c> for cross-field rules).</summary>
    public static JsonObject Error(int statusCode, string message, string? field) =>
        statusCode == 400 && field is not null
            ? new JsonObject { [field] = new JsonArray(message) }
            : new JsonObject { ["detail"] = message };

    public static string Id(Guid id) => id.ToString("D");

    /// <summary>The samples' format, e.g. 2023-11-07T05:31:56Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
