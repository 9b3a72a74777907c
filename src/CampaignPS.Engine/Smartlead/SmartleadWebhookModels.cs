namespace CampaignPS.Engine.Smartlead;

/// <summary>What a campaign webhook reports. Each has a name in the API reference, the docs' events reference, or both.</summary>
public enum SmartleadWebhookEvent
{
    /// <summary>An email was sent (EMAIL_SENT).</summary>
    Sent,
    /// <summary>The first email of the sequence was sent (FIRST_EMAIL_SENT).</summary>
    FirstEmailSent,
    /// <summary>An email was opened (LEAD_OPENED; events reference EMAIL_OPEN).</summary>
    Opened,
    /// <summary>A link was clicked (LEAD_CLICKED; events reference EMAIL_LINK_CLICK).</summary>
    Clicked,
    /// <summary>The lead replied (LEAD_REPLIED; events reference EMAIL_REPLY).</summary>
    Replied,
    /// <summary>An email bounced (LEAD_BOUNCED; events reference EMAIL_BOUNCE).</summary>
    Bounced,
    /// <summary>The lead unsubscribed (LEAD_UNSUBSCRIBED).</summary>
    Unsubscribed,
    /// <summary>The lead's category changed (LEAD_CATEGORY_UPDATED).</summary>
    CategoryUpdated,
    /// <summary>The campaign's status changed (CAMPAIGN_STATUS_CHANGED).</summary>
    CampaignStatusChanged,
    /// <summary>A reply that matches no lead arrived (UNTRACKED_REPLIES).</summary>
    UntrackedReply,
    /// <summary>A lead reached a manual step (MANUAL_STEP_REACHED).</summary>
    ManualStepReached,
    /// <summary>A sending mailbox was disconnected (EMAIL_ACCOUNT_DISCONNECTED).</summary>
    AccountDisconnected,
    /// <summary>A lead was created (LEAD_CREATED, API reference only).</summary>
    LeadCreated,
}

/// <summary>
/// Which names to send for the events that have two. The API reference (Webhooks API, harvested 2026-08-13) and the docs
/// site's campaign-webhooks page call them LEAD_REPLIED, LEAD_OPENED, LEAD_CLICKED, LEAD_BOUNCED; the docs site's events
/// reference calls them EMAIL_REPLY, EMAIL_OPEN, EMAIL_LINK_CLICK, EMAIL_BOUNCE. The reference is the default.
/// </summary>
public enum SmartleadWebhookVocabulary
{
    /// <summary>LEAD_REPLIED, LEAD_OPENED, LEAD_CLICKED, LEAD_BOUNCED (and the events reference's names for the rest).</summary>
    ApiReference,
    /// <summary>EMAIL_REPLY, EMAIL_OPEN, EMAIL_LINK_CLICK, EMAIL_BOUNCE, for servers that refuse the reference's names.</summary>
    EventsReference,
}

/// <summary>A campaign webhook: where Smartlead posts which events. Pipes into Set- and Remove-SmartleadWebhook.</summary>
public sealed class SmartleadWebhook
{
    /// <summary>The webhook id, for -WebhookId.</summary>
    public long Id { get; internal set; }

    /// <summary>The campaign it belongs to.</summary>
    public long CampaignId { get; internal set; }

    /// <summary>The webhook's name.</summary>
    public string? Name { get; internal set; }

    /// <summary>The address Smartlead posts the events to.</summary>
    public string? Url { get; internal set; }

    /// <summary>The events it reports (names the module does not know are left out).</summary>
    public IReadOnlyList<SmartleadWebhookEvent> EventTypes { get; internal set; } = Array.Empty<SmartleadWebhookEvent>();

    /// <summary>Whether it is switched on, when the answer says.</summary>
    public bool? IsActive { get; internal set; }

    /// <summary>When it was created, when the answer says.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}): {string.Join(", ", EventTypes)} -> {Url}";
}

/// <summary>A webhook to create, or the changes to one; on an update, what is left null keeps its current value.</summary>
public sealed class SmartleadWebhookChange
{
    /// <summary>The webhook's name.</summary>
    public string? Name { get; set; }

    /// <summary>The https (or loopback http) address to post events to.</summary>
    public string? Url { get; set; }

    /// <summary>The events to report, at least one.</summary>
    public IReadOnlyCollection<SmartleadWebhookEvent>? EventTypes { get; set; }

    /// <summary>Which names to send for the events that have two.</summary>
    public SmartleadWebhookVocabulary Vocabulary { get; set; }

    /// <summary>Checks the input without sending anything; a new webhook needs all three of Name, Url and EventTypes.</summary>
    public void Validate(bool isNew)
    {
        var rules = SmartleadRules.Instance;
        if (isNew || Name != null)
        {
            rules.NotBlank("Name", Name);
        }

        if (isNew || Url != null)
        {
            CheckUrl(rules.NotBlank("Url", Url).Trim());
        }

        if (isNew || EventTypes != null)
        {
            if (EventTypes == null || EventTypes.Count == 0)
            {
                throw rules.Fail("EventType", "EventType is empty. Give at least one event, e.g. -EventType Replied, Bounced.");
            }

            foreach (SmartleadWebhookEvent type in EventTypes)
            {
                if (!Enum.IsDefined(typeof(SmartleadWebhookEvent), type))
                {
                    throw rules.Fail("EventType", $"EventType {(int)type} is not a Smartlead webhook event. Use one of: {string.Join(", ", Enum.GetNames(typeof(SmartleadWebhookEvent)))}.");
                }
            }
        }

        if (!isNew && Name == null && Url == null && EventTypes == null)
        {
            throw rules.Fail("Changes", "Nothing to change. Give at least one of: Name, Url, EventType.");
        }
    }

    private static void CheckUrl(string url)
    {
        bool absolute = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri);
        if (!absolute || (uri!.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw SmartleadRules.Instance.Fail("Url", $"Url '{Shorten(url)}' is not an https address. Give the full address your CRM or automation receives events at, e.g. https://crm.example.com/smartlead (plain http only for loopback tests).");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}

/// <summary>The events' wire names in both vocabularies, and every documented spelling read back.</summary>
internal static class SmartleadWebhookEvents
{
    private static readonly (SmartleadWebhookEvent Event, string Reference, string EventsPage)[] Names =
    {
        (SmartleadWebhookEvent.Sent, "EMAIL_SENT", "EMAIL_SENT"),
        (SmartleadWebhookEvent.FirstEmailSent, "FIRST_EMAIL_SENT", "FIRST_EMAIL_SENT"),
        (SmartleadWebhookEvent.Opened, "LEAD_OPENED", "EMAIL_OPEN"),
        (SmartleadWebhookEvent.Clicked, "LEAD_CLICKED", "EMAIL_LINK_CLICK"),
        (SmartleadWebhookEvent.Replied, "LEAD_REPLIED", "EMAIL_REPLY"),
        (SmartleadWebhookEvent.Bounced, "LEAD_BOUNCED", "EMAIL_BOUNCE"),
        (SmartleadWebhookEvent.Unsubscribed, "LEAD_UNSUBSCRIBED", "LEAD_UNSUBSCRIBED"),
        (SmartleadWebhookEvent.CategoryUpdated, "LEAD_CATEGORY_UPDATED", "LEAD_CATEGORY_UPDATED"),
        (SmartleadWebhookEvent.CampaignStatusChanged, "CAMPAIGN_STATUS_CHANGED", "CAMPAIGN_STATUS_CHANGED"),
        (SmartleadWebhookEvent.UntrackedReply, "UNTRACKED_REPLIES", "UNTRACKED_REPLIES"),
        (SmartleadWebhookEvent.ManualStepReached, "MANUAL_STEP_REACHED", "MANUAL_STEP_REACHED"),
        (SmartleadWebhookEvent.AccountDisconnected, "EMAIL_ACCOUNT_DISCONNECTED", "EMAIL_ACCOUNT_DISCONNECTED"),
        (SmartleadWebhookEvent.LeadCreated, "LEAD_CREATED", "LEAD_CREATED"),
    };

    // The docs site's webhooks concept page (core/webhooks.mdx) spells some of them yet another way.
    private static readonly Dictionary<string, SmartleadWebhookEvent> ConceptPageNames = new Dictionary<string, SmartleadWebhookEvent>(StringComparer.OrdinalIgnoreCase)
    {
        ["EMAIL_OPENED"] = SmartleadWebhookEvent.Opened,
        ["EMAIL_CLICKED"] = SmartleadWebhookEvent.Clicked,
        ["EMAIL_REPLIED"] = SmartleadWebhookEvent.Replied,
        ["EMAIL_BOUNCED"] = SmartleadWebhookEvent.Bounced,
        ["EMAIL_UNSUBSCRIBED"] = SmartleadWebhookEvent.Unsubscribed,
    };

    public static string WireName(SmartleadWebhookEvent type, SmartleadWebhookVocabulary vocabulary)
    {
        var names = Names.First(n => n.Event == type);
        return vocabulary == SmartleadWebhookVocabulary.EventsReference ? names.EventsPage : names.Reference;
    }

    public static SmartleadWebhookEvent? Read(string? wire)
    {
        string name = (wire ?? string.Empty).Trim();
        foreach (var names in Names)
        {
            if (string.Equals(names.Reference, name, StringComparison.OrdinalIgnoreCase) || string.Equals(names.EventsPage, name, StringComparison.OrdinalIgnoreCase))
            {
                return names.Event;
            }
        }

        return ConceptPageNames.TryGetValue(name, out SmartleadWebhookEvent known) ? known : (SmartleadWebhookEvent?)null;
    }
}
