using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A campaign's webhooks (<see cref="SmartleadClient.Webhooks"/>): list, create, update and delete. These routes are not
/// in the API reference (which has only the account-level /webhook/*); they follow the docs site's campaign pages
/// (get-webhooks.mdx, save-webhooks.mdx, delete-webhook.mdx): GET and POST /campaigns/{id}/webhooks, DELETE
/// /campaigns/{id}/webhooks/{webhook_id}. Answers are read bare or in the docs' {"success": true, "data": ...}.
/// </summary>
public sealed class SmartleadWebhooks
{
    private static readonly ApiOperation ListWebhooks = new ApiOperation("list campaign webhooks", "Campaign", RequestSafety.Read);

    // POST without an id creates: never sent twice. With an id it replaces that webhook, which is harmless to repeat.
    private static readonly ApiOperation CreateWebhook = new ApiOperation("create campaign webhook", "Campaign", RequestSafety.NonIdempotent);
    private static readonly ApiOperation UpdateWebhook = new ApiOperation("update campaign webhook", "Webhook", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation DeleteWebhook = new ApiOperation("delete campaign webhook", "Webhook", RequestSafety.NonIdempotent);

    private readonly ApiTransport _transport;

    internal SmartleadWebhooks(ApiTransport transport) => _transport = transport;

    /// <summary>The campaign's webhooks (GET /campaigns/{id}/webhooks).</summary>
    public async Task<IReadOnlyList<SmartleadWebhook>> GetAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        JsonElement answer = await _transport.SendAsync<JsonElement>(ForCampaign(ListWebhooks, campaignId), HttpMethod.Get, Path(campaignId), null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.List<WebhookDto>(SmartleadAnswer.Data(answer), ListWebhooks.Description).Select(w => w.ToModel(campaignId)).ToList();
    }

    /// <summary>One webhook of the campaign, as the server lists it (SmartleadWebhookNotFound when the campaign has no such webhook).</summary>
    public async Task<SmartleadWebhook> GetOneAsync(long campaignId, long webhookId, CancellationToken cancellationToken = default)
    {
        SmartleadPaths.CheckId("WebhookId", webhookId);
        return (await GetAsync(campaignId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Id == webhookId)
            ?? throw new CampaignApiException(new ApiFailure(Platform.Smartlead, "SmartleadWebhookNotFound", FailureCategory.ObjectNotFound,
                $"Smartlead: campaign {campaignId} has no webhook {webhookId}. List its webhooks with Get-SmartleadWebhook -CampaignId {campaignId}."));
    }

    /// <summary>
    /// Creates a webhook (POST /campaigns/{id}/webhooks with "id": null). Never sent twice; a 2xx answer that carries no
    /// webhook id is reported as SmartleadOutcomeUnknown (ApiTransport.SendCheckedAsync), since the webhook may exist.
    /// </summary>
    public async Task<SmartleadWebhook> CreateAsync(long campaignId, SmartleadWebhookChange webhook, CancellationToken cancellationToken = default)
    {
        (webhook ?? throw new ArgumentNullException(nameof(webhook))).Validate(isNew: true);
        var body = WebhookBody.From(null, webhook.Name!, webhook.Url!, webhook.EventTypes!, webhook.Vocabulary);
        // A 2xx without the new webhook's id is an unknown outcome (the transport's check, as for every create): the
        // webhook may exist, and it is not sent again.
        JsonElement answer = await _transport.SendCheckedAsync<JsonElement>(ForCampaign(CreateWebhook, campaignId), HttpMethod.Post, Path(campaignId), body,
            a => CreatedId(Saved(a)) > 0 ? null : "the new webhook's id", cancellationToken).ConfigureAwait(false);
        WebhookDto? saved = Saved(answer);
        return body.Echo(CreatedId(saved), campaignId, saved);
    }

    /// <summary>
    /// Changes a webhook (POST /campaigns/{id}/webhooks with its id). The page requires name, url and events, so what
    /// <paramref name="change"/> leaves null is read from the server first (SmartleadWebhookNotFound when it has no such webhook).
    /// </summary>
    public async Task<SmartleadWebhook> UpdateAsync(long campaignId, long webhookId, SmartleadWebhookChange change, CancellationToken cancellationToken = default)
    {
        (change ?? throw new ArgumentNullException(nameof(change))).Validate(isNew: false);
        SmartleadPaths.CheckId("WebhookId", webhookId);
        string? name = change.Name;
        string? url = change.Url;
        IReadOnlyCollection<SmartleadWebhookEvent>? events = change.EventTypes;
        if (name == null || url == null || events == null)
        {
            SmartleadWebhook current = await GetOneAsync(campaignId, webhookId, cancellationToken).ConfigureAwait(false);
            name ??= current.Name ?? string.Empty;
            url ??= current.Url ?? string.Empty;
            events ??= current.EventTypes;
        }

        var body = WebhookBody.From(webhookId, name, url, events, change.Vocabulary);
        JsonElement answer = await _transport.SendAsync<JsonElement>(ForWebhook(UpdateWebhook, campaignId, webhookId), HttpMethod.Post, Path(campaignId), body, cancellationToken).ConfigureAwait(false);
        return body.Echo(webhookId, campaignId, Saved(answer));
    }

    /// <summary>Deletes the webhook (DELETE /campaigns/{id}/webhooks/{webhook_id}); Smartlead stops posting its events.</summary>
    public Task DeleteAsync(long campaignId, long webhookId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForWebhook(DeleteWebhook, campaignId, webhookId), HttpMethod.Delete, Path(campaignId) + "/" + SmartleadPaths.Id("WebhookId", webhookId), null, cancellationToken);

    private static string Path(long campaignId) => SmartleadPaths.Campaign(campaignId) + "/webhooks";

    private static long CreatedId(WebhookDto? saved) => saved?.Id ?? saved?.WebhookId ?? 0;

    private static ApiOperation ForCampaign(ApiOperation operation, long campaignId) => SmartleadPaths.About(operation, ("Campaign", campaignId));

    private static ApiOperation ForWebhook(ApiOperation operation, long campaignId, long webhookId) =>
        SmartleadPaths.About(operation, ("Campaign", campaignId), ("Webhook", webhookId));

    // The docs answer {"success": true, "data": {id, ...}}; the account-level create answers {"ok": true, "id"} or {"webhook_id"}.
    private static WebhookDto? Saved(JsonElement answer)
    {
        JsonElement value = SmartleadAnswer.Data(answer);
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WebhookDto>(value, ApiJson.Options);
        }
        catch (JsonException)
        {
            // Fields of other types than the docs' (an id as text): nothing of it is read, and a create without an id is unknown.
            return null;
        }
    }
}

internal sealed class WebhookBody
{
    // save-webhooks.mdx: "Webhook ID (null for new webhook, number to update existing)", so null is written.
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Id { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("webhook_url")]
    public string WebhookUrl { get; set; } = string.Empty;

    [JsonPropertyName("event_types")]
    public IReadOnlyList<string> EventTypes { get; set; } = Array.Empty<string>();

    [JsonIgnore]
    public IReadOnlyList<SmartleadWebhookEvent> Events { get; set; } = Array.Empty<SmartleadWebhookEvent>();

    public static WebhookBody From(long? id, string name, string url, IReadOnlyCollection<SmartleadWebhookEvent> events, SmartleadWebhookVocabulary vocabulary)
    {
        var distinct = events.Distinct().ToList();
        return new WebhookBody
        {
            Id = id,
            Name = name.Trim(),
            WebhookUrl = url.Trim(),
            Events = distinct,
            EventTypes = distinct.Select(e => SmartleadWebhookEvents.WireName(e, vocabulary)).ToList(),
        };
    }

    // What the answer echoes wins; what it leaves out is what was sent.
    public SmartleadWebhook Echo(long id, long campaignId, WebhookDto? saved)
    {
        SmartleadWebhook sent = new WebhookDto { Id = id, Name = Name, WebhookUrl = WebhookUrl }.ToModel(campaignId);
        sent.EventTypes = Events;
        if (saved == null)
        {
            return sent;
        }

        SmartleadWebhook echoed = saved.ToModel(campaignId);
        echoed.Id = id;
        echoed.Name ??= sent.Name;
        echoed.Url ??= sent.Url;
        echoed.EventTypes = echoed.EventTypes.Count > 0 ? echoed.EventTypes : sent.EventTypes;
        return echoed;
    }
}

internal sealed class WebhookDto
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("webhook_id")]
    public long? WebhookId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("webhook_url")]
    public string? WebhookUrl { get; set; }

    [JsonPropertyName("event_types")]
    public List<string>? EventTypes { get; set; }

    // The API reference's Webhook schema has one event_type string; a comma-separated list is read as several.
    [JsonPropertyName("event_type")]
    public string? EventType { get; set; }

    [JsonPropertyName("is_active")]
    public bool? IsActive { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    public SmartleadWebhook ToModel(long campaignId)
    {
        IEnumerable<string> names = EventTypes ?? (EventType ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        return new SmartleadWebhook
        {
            Id = Id ?? WebhookId ?? 0,
            CampaignId = campaignId,
            Name = Name,
            Url = WebhookUrl,
            EventTypes = names.Select(SmartleadWebhookEvents.Read).Where(e => e.HasValue).Select(e => e!.Value).Distinct().ToList(),
            IsActive = IsActive ?? (Status == null ? (bool?)null : string.Equals(Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)),
            CreatedAt = WireText.Date(CreatedAt),
        };
    }
}
