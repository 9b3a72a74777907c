using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign webhook bodies: the docs' {"success": true, "data": ...} (get-webhooks.mdx, save-webhooks.mdx), or a bare
/// list of the API reference's Webhook schema (one event_type string, here comma-separated, and a status).</summary>
internal static class SmartleadWebhookJson
{
    public static JsonNode List(IReadOnlyList<SmartleadWebhookRecord> webhooks, SmartleadReadShape shape) => shape == SmartleadReadShape.Docs
        ? new JsonObject { ["success"] = true, ["data"] = new JsonArray(webhooks.Select(w => (JsonNode)Docs(w)).ToArray()) }
        : new JsonArray(webhooks.Select(w => (JsonNode)new JsonObject
        {
            ["id"] = w.Id,
            ["name"] = w.Name,
            ["webhook_url"] = w.Url,
            ["event_type"] = string.Join(",", w.EventTypes),
            ["status"] = "ACTIVE",
            ["created_at"] = SmartleadJson.Timestamp(w.CreatedAt),
        }).ToArray());

    /// <summary>The save answer; only the docs document it.</summary>
    public static JsonObject Saved(SmartleadWebhookRecord webhook) => new() { ["success"] = true, ["data"] = Docs(webhook) };

    private static JsonObject Docs(SmartleadWebhookRecord webhook) => new()
    {
        ["id"] = webhook.Id,
        ["name"] = webhook.Name,
        ["webhook_url"] = webhook.Url,
        ["event_types"] = new JsonArray(webhook.EventTypes.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        ["is_active"] = true,
    };
}
