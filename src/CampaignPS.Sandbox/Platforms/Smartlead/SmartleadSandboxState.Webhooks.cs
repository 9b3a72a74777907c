namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign webhooks (the docs' /campaigns/{id}/webhooks pages): saved with an id to replace one, without to add one.</summary>
public sealed partial class SmartleadSandboxState
{
    private readonly List<SmartleadWebhookRecord> _webhooks = [];
    private readonly IdSequence _webhookIds = new(9001);

    /// <summary>The campaign's webhooks, oldest first.</summary>
    public IReadOnlyList<SmartleadWebhookRecord> Webhooks(long campaignId)
    {
        lock (Gate) { return _webhooks.Where(w => w.CampaignId == campaignId).ToArray(); }
    }

    internal IReadOnlyList<SmartleadWebhookRecord> ViewWebhooks(string campaignId)
    {
        lock (Gate)
        {
            var id = Require(campaignId).Record.Id;
            return _webhooks.Where(w => w.CampaignId == id).ToArray();
        }
    }

    /// <summary>Adds a webhook (no id) or replaces the campaign's webhook with that id (404 when it has none).</summary>
    internal SmartleadWebhookRecord SaveWebhook(string campaignId, WebhookInput input)
    {
        lock (Gate)
        {
            var campaign = Require(campaignId).Record.Id;
            if (input.Id is not { } id)
            {
                var created = new SmartleadWebhookRecord(_webhookIds.Next(), campaign, input.Name, input.Url, input.EventTypes, NowToTheMillisecond());
                _webhooks.Add(created);
                return created;
            }

            var index = _webhooks.FindIndex(w => w.Id == id && w.CampaignId == campaign);
            if (index < 0)
            {
                throw PlatformErrorException.NotFound($"Webhook {id} not found in this campaign.");
            }
            var updated = _webhooks[index] with { Name = input.Name, Url = input.Url, EventTypes = input.EventTypes };
            _webhooks[index] = updated;
            return updated;
        }
    }

    internal void DeleteWebhook(string campaignId, string webhookId)
    {
        lock (Gate)
        {
            var campaign = Require(campaignId).Record.Id;
            var removed = long.TryParse(webhookId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? _webhooks.RemoveAll(w => w.Id == id && w.CampaignId == campaign)
                : 0;
            if (removed == 0)
            {
                throw PlatformErrorException.NotFound($"Webhook {webhookId} not found in this campaign.");
            }
        }
    }

    private void ReseedWebhooks()
    {
        _webhooks.Clear();
        _webhookIds.Reset();
    }
}
