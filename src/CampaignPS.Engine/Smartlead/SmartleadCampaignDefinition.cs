namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A Smartlead campaign's whole configuration as code: what Export-SmartleadCampaign writes and Sync-SmartleadCampaign
/// applies. The file is JSON (<see cref="SmartleadDefinitionJson"/>): kind "SmartleadCampaign", schemaVersion 1, keys
/// in a fixed order. A section left out (or null) is not managed: syncing leaves it as the campaign has it; a section
/// that is present, even empty, is made to match. It carries no id of the source account except the mailbox ids
/// (emailAccountIds), which only mean something in the account that owns the mailboxes, and never a key.
/// </summary>
public sealed class SmartleadCampaignDefinition
{
    /// <summary>The kind every Smartlead campaign definition names.</summary>
    public const string DefinitionKind = "SmartleadCampaign";

    /// <summary>The schema version this module reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The campaign name (required). Used when a campaign is created; Smartlead's API cannot rename one.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The agency client a new campaign is filed under (optional; never exported, as it belongs to one account).</summary>
    public long? ClientId { get; set; }

    /// <summary>Tracking, stop condition and the other settings; null to leave them alone.</summary>
    public SmartleadDefinitionSettings? Settings { get; set; }

    /// <summary>When the campaign sends; null to leave it alone.</summary>
    public SmartleadDefinitionSchedule? Schedule { get; set; }

    /// <summary>The sequence, first email first; null to leave it alone.</summary>
    public IReadOnlyList<SmartleadDefinitionStep>? Sequence { get; set; }

    /// <summary>The sending mailboxes' ids (ids of the account that owns them); null to leave them alone.</summary>
    public IReadOnlyList<long>? EmailAccountIds { get; set; }

    /// <summary>The campaign's webhooks, matched by name; null to leave them alone.</summary>
    public IReadOnlyList<SmartleadDefinitionWebhook>? Webhooks { get; set; }

    /// <summary>The campaign this definition was read from (set by <see cref="FromLive"/>, never written to a file).</summary>
    internal long? CampaignId { get; set; }

    /// <summary>Reads a definition file's text; every schema problem names its JSON path and the fix.</summary>
    /// <exception cref="InputValidationException">ErrorId SmartleadDefinitionInvalid, Field the JSON path (e.g. $.settings.maxLeadsPerDay).</exception>
    public static SmartleadCampaignDefinition Parse(string json) => SmartleadDefinitionJson.Read(json);

    /// <summary>The definition as a file's text: two-space indentation, \n line ends, keys in a fixed order.</summary>
    public string ToJson() => SmartleadDefinitionJson.Write(this);

    /// <summary>The definition of a live campaign (what Export-SmartleadCampaign writes).</summary>
    public static SmartleadCampaignDefinition FromLive(SmartleadCampaignSnapshot live)
    {
        if (live == null)
        {
            throw new ArgumentNullException(nameof(live));
        }

        SmartleadCampaign campaign = live.Campaign;
        return new SmartleadCampaignDefinition
        {
            CampaignId = campaign.Id,
            Name = campaign.Name,
            Settings = SmartleadDefinitionSettings.FromLive(campaign),
            Schedule = SmartleadDefinitionSchedule.FromLive(campaign),
            Sequence = live.Sequence.OrderBy(s => s.Number).Select(SmartleadDefinitionStep.FromLive).ToList(),
            EmailAccountIds = live.EmailAccounts.Select(a => a.Id).Distinct().OrderBy(id => id).ToList(),
            Webhooks = live.Webhooks
                .OrderBy(w => w.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.Id)
                .Select(SmartleadDefinitionWebhook.FromLive).ToList(),
        };
    }
}

/// <summary>A campaign as read for export or sync: the campaign with its settings and schedule, sequence, mailboxes and webhooks.</summary>
public sealed class SmartleadCampaignSnapshot
{
    /// <summary>Creates a snapshot of what the server holds.</summary>
    public SmartleadCampaignSnapshot(SmartleadCampaign campaign, IReadOnlyList<SmartleadSequenceStep> sequence,
        IReadOnlyList<SmartleadEmailAccount> emailAccounts, IReadOnlyList<SmartleadWebhook> webhooks)
    {
        Campaign = campaign ?? throw new ArgumentNullException(nameof(campaign));
        Sequence = sequence ?? Array.Empty<SmartleadSequenceStep>();
        EmailAccounts = emailAccounts ?? Array.Empty<SmartleadEmailAccount>();
        Webhooks = webhooks ?? Array.Empty<SmartleadWebhook>();
    }

    /// <summary>The campaign (GET /campaigns/{id}).</summary>
    public SmartleadCampaign Campaign { get; }

    /// <summary>Its sequence with variants.</summary>
    public IReadOnlyList<SmartleadSequenceStep> Sequence { get; }

    /// <summary>Its sending mailboxes.</summary>
    public IReadOnlyList<SmartleadEmailAccount> EmailAccounts { get; }

    /// <summary>Its webhooks.</summary>
    public IReadOnlyList<SmartleadWebhook> Webhooks { get; }

    /// <summary>Reads the four parts of campaign <paramref name="campaignId"/> (a missing campaign is SmartleadCampaignNotFound).</summary>
    public static async Task<SmartleadCampaignSnapshot> ReadAsync(SmartleadClient client, long campaignId, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        // The campaign first: a missing one is reported once, as the read of the campaign.
        SmartleadCampaign campaign = await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmartleadSequenceStep> sequence = await client.GetSequenceAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmartleadEmailAccount> accounts = await client.GetEmailAccountsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmartleadWebhook> webhooks = await client.Webhooks.GetAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return new SmartleadCampaignSnapshot(campaign, sequence, accounts, webhooks);
    }
}

/// <summary>The settings of a definition; a null value is not managed.</summary>
public sealed class SmartleadDefinitionSettings
{
    /// <summary>Track opens.</summary>
    public bool? TrackOpens { get; set; }

    /// <summary>Track link clicks.</summary>
    public bool? TrackClicks { get; set; }

    /// <summary>Track replies (docs vocabulary only).</summary>
    public bool? TrackReplies { get; set; }

    /// <summary>When a lead stops receiving follow-ups.</summary>
    public SmartleadStopCondition? StopLeadOn { get; set; }

    /// <summary>Unsubscribe text added to each email.</summary>
    public string? UnsubscribeText { get; set; }

    /// <summary>Send as plain text.</summary>
    public bool? PlainText { get; set; }

    /// <summary>Share of leads that get follow-ups, 0 to 100.</summary>
    public int? FollowUpPercentage { get; set; }

    /// <summary>New leads contacted per day at most.</summary>
    public int? MaxLeadsPerDay { get; set; }

    /// <summary>Let Smartlead match sender and recipient providers.</summary>
    public bool? AiEspMatching { get; set; }

    /// <summary>Which enum vocabulary to send (ApiReference unless the campaign's values are the docs site's).</summary>
    public SmartleadVocabulary Vocabulary { get; set; }

    internal static SmartleadDefinitionSettings FromLive(SmartleadCampaign campaign)
    {
        var off = new HashSet<string>(campaign.TrackSettings, StringComparer.OrdinalIgnoreCase);
        string? stop = campaign.StopLeadSettings;
        bool docs = off.Any(v => v.StartsWith("DONT_TRACK_", StringComparison.OrdinalIgnoreCase))
            || string.Equals(stop, "CLICK_ON_A_LINK", StringComparison.OrdinalIgnoreCase)
            || string.Equals(stop, "OPEN_AN_EMAIL", StringComparison.OrdinalIgnoreCase);
        return new SmartleadDefinitionSettings
        {
            TrackOpens = !(off.Contains("DONT_EMAIL_OPEN") || off.Contains("DONT_TRACK_EMAIL_OPEN")),
            TrackClicks = !(off.Contains("DONT_LINK_CLICK") || off.Contains("DONT_TRACK_LINK_CLICK")),
            TrackReplies = docs ? !off.Contains("DONT_TRACK_REPLY_TO_AN_EMAIL") : null,
            StopLeadOn = StopCondition(stop),
            UnsubscribeText = string.IsNullOrEmpty(campaign.UnsubscribeText) ? null : campaign.UnsubscribeText,
            PlainText = campaign.SendAsPlainText,
            FollowUpPercentage = campaign.FollowUpPercentage,
            MaxLeadsPerDay = campaign.MaxLeadsPerDay,
            AiEspMatching = campaign.AiEspMatching,
            Vocabulary = docs ? SmartleadVocabulary.Docs : SmartleadVocabulary.ApiReference,
        };
    }

    // Both documented vocabularies (DESIGN.md: the API reference's and the docs site's).
    private static SmartleadStopCondition? StopCondition(string? wire) => (wire ?? string.Empty).ToUpperInvariant() switch
    {
        "REPLY_TO_AN_EMAIL" => SmartleadStopCondition.Reply,
        "CLICKED_LINK" or "CLICK_ON_A_LINK" => SmartleadStopCondition.Click,
        "OPENED_EMAIL" or "OPEN_AN_EMAIL" => SmartleadStopCondition.Open,
        "NEVER" => SmartleadStopCondition.Never,
        _ => null,
    };
}

/// <summary>The sending schedule of a definition; when given, time zone, days and hours are required.</summary>
public sealed class SmartleadDefinitionSchedule
{
    /// <summary>IANA time zone, e.g. America/New_York.</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>Sending days.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; set; } = Array.Empty<DayOfWeek>();

    /// <summary>First sending hour, 0 to 23.</summary>
    public int StartHour { get; set; }

    /// <summary>Hour sending stops, 0 to 23.</summary>
    public int EndHour { get; set; }

    /// <summary>Minimum minutes between two emails.</summary>
    public int? MinTimeBetweenEmails { get; set; }

    internal SmartleadSchedule ToRequest() => new SmartleadSchedule
    {
        TimeZone = TimeZone,
        Days = Days.ToList(),
        StartHour = StartHour,
        EndHour = EndHour,
        MinTimeBetweenEmails = MinTimeBetweenEmails,
    };

    internal static SmartleadDefinitionSchedule? FromLive(SmartleadCampaign campaign)
    {
        if (string.IsNullOrEmpty(campaign.TimeZone) || campaign.Days.Count == 0)
        {
            return null;
        }

        return new SmartleadDefinitionSchedule
        {
            TimeZone = campaign.TimeZone!,
            Days = campaign.Days.Distinct().OrderBy(d => d).ToList(),
            StartHour = Hour(campaign.StartHour),
            EndHour = Hour(campaign.EndHour),
            MinTimeBetweenEmails = campaign.MinTimeBetweenEmails,
        };
    }

    // The API answers "HH:mm"; the module sets whole hours, so the minutes are dropped.
    private static int Hour(string? text)
    {
        string hours = (text ?? string.Empty).Split(':')[0];
        return int.TryParse(hours, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int hour) ? hour : 0;
    }
}

/// <summary>One step of a definition's sequence.</summary>
public sealed class SmartleadDefinitionStep
{
    /// <summary>Subject line (empty follow-ups reply in the same thread).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Body, HTML or plain text.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>Days to wait after the previous step.</summary>
    public int DelayDays { get; set; }

    /// <summary>A/B versions (none for a plain step).</summary>
    public IReadOnlyList<SmartleadDefinitionVariant> Variants { get; set; } = Array.Empty<SmartleadDefinitionVariant>();

    internal long? Id { get; set; }

    internal static SmartleadDefinitionStep FromLive(SmartleadSequenceStep step) => new SmartleadDefinitionStep
    {
        Id = step.Id,
        Subject = step.Subject ?? string.Empty,
        Body = step.Body ?? string.Empty,
        DelayDays = step.DelayDays,
        Variants = (step.Variants ?? Array.Empty<SmartleadSequenceVariant>()).Select(v => new SmartleadDefinitionVariant
        {
            Id = v.Id,
            Label = v.Label ?? string.Empty,
            Subject = v.Subject ?? string.Empty,
            Body = v.Body ?? string.Empty,
            Distribution = v.Distribution,
        }).ToList(),
    };
}

/// <summary>One A/B version of a definition's step.</summary>
public sealed class SmartleadDefinitionVariant
{
    /// <summary>Label, e.g. A or B.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Subject line; empty uses the step's.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Body.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>Share of the step's leads in percent; null for an even split.</summary>
    public int? Distribution { get; set; }

    internal long? Id { get; set; }
}

/// <summary>One webhook of a definition, matched to the campaign's by name.</summary>
public sealed class SmartleadDefinitionWebhook
{
    /// <summary>Name (unique within the definition).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The address events are posted to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The events it reports.</summary>
    public IReadOnlyList<SmartleadWebhookEvent> EventTypes { get; set; } = Array.Empty<SmartleadWebhookEvent>();

    internal long? Id { get; set; }

    internal static SmartleadDefinitionWebhook FromLive(SmartleadWebhook webhook) => new SmartleadDefinitionWebhook
    {
        Id = webhook.Id,
        Name = webhook.Name ?? string.Empty,
        Url = webhook.Url ?? string.Empty,
        EventTypes = webhook.EventTypes.Distinct().OrderBy(e => e).ToList(),
    };
}
