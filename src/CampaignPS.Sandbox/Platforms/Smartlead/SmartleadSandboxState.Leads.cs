namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>A filter of the lead list; statuses in either documented vocabulary (see <see cref="SmartleadSandboxState.LeadStatusMatches"/>).</summary>
internal sealed record LeadFilter(string? Status, string? EmailStatus, int? SequenceNumber, long? CategoryId)
{
    public static readonly LeadFilter None = new(null, null, null, null);
}

/// <summary>Leads after import: the list with its filters, lookups across campaigns, and the lead actions
/// (pause, resume, remove, unsubscribe, category). A lead keeps one id in every campaign it is in, as in Smartlead,
/// so that /leads/{id}/campaigns and the global unsubscribe reach all of them.</summary>
public sealed partial class SmartleadSandboxState
{
    public const string LeadActive = "ACTIVE";
    public const string LeadPaused = "PAUSED";
    public const string LeadCompleted = "COMPLETED";
    public const string LeadUnsubscribed = "UNSUBSCRIBED";
    public const string LeadBounced = "BOUNCED";

    /// <summary>The API reference's lead statuses, then the docs site's (STARTED, INPROGRESS, STOPPED).</summary>
    public static readonly IReadOnlyList<string> LeadStatusFilters =
        [LeadActive, LeadPaused, LeadCompleted, LeadUnsubscribed, LeadBounced, "STARTED", "INPROGRESS", "STOPPED"];

    private readonly HashSet<string> _unsubscribedEmails = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(long CampaignId, long LeadId), long> _leadCategories = [];
    private readonly SandboxSwitch<SmartleadReadShape> _readShape = new(SmartleadReadShape.Reference);

    /// <summary>The seeded lead categories (ids 1, 2, 3, 789: the docs' example).</summary>
    public IReadOnlyList<SmartleadLeadCategory> LeadCategories { get; } =
    [
        new(1, "Interested", "positive", "#2e7d32"),
        new(2, "Not Interested", "negative", "#c62828"),
        new(3, "Meeting Booked", "positive", "#1565c0"),
        new(789, "Follow Up Later", "neutral", "#f9a825"),
    ];

    /// <summary>Shape of the after-launch reads (default <see cref="SmartleadReadShape.Reference"/>).</summary>
    public SmartleadReadShape ReadShape
    {
        get => _readShape.Value;
        set => _readShape.Value = value;
    }

    /// <summary>The category the lead has in the campaign, or null.</summary>
    public long? LeadCategoryId(long campaignId, long leadId)
    {
        lock (Gate) { return _leadCategories.TryGetValue((campaignId, leadId), out var category) ? category : null; }
    }

    /// <summary>Test helper: adds <paramref name="count"/> generated leads (lead00001@seed.example, ...) to the campaign at once.</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    public int SeedLeads(long campaignId, int count)
    {
        lock (Gate)
        {
            var entry = SeedTarget(campaignId);
            var now = NowToTheMillisecond();
            var start = entry.Leads.Count;
            for (var i = 1; i <= count; i++)
            {
                Seed(entry, $"lead{start + i:00000}@seed.example", $"First{start + i}", $"Last{start + i}", "Seed Inc", "{\"Tier\":\"Seed\"}", now);
            }
            return entry.Leads.Count;
        }
    }

    /// <summary>
    /// Test helper: puts the lead with this address into the campaign (with the id it has in other campaigns), also when
    /// another campaign holds it. The help center's ignore_duplicate_leads_in_other_campaign would let the add-leads
    /// route do that, but it is not in the API reference, so CampaignPS never sends it. Returns the lead's id.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    public long SeedLead(long campaignId, string email)
    {
        lock (Gate)
        {
            var entry = SeedTarget(campaignId);
            return Seed(entry, email.Trim(), null, null, null, null, NowToTheMillisecond()).Id;
        }
    }

    private CampaignEntry SeedTarget(long campaignId) =>
        _campaigns.GetValueOrDefault(campaignId) ?? throw new KeyNotFoundException($"No Smartlead campaign has id {campaignId}.");

    private SmartleadLead Seed(CampaignEntry entry, string email, string? firstName, string? lastName, string? company, string? customFieldsJson, DateTimeOffset now)
    {
        if (entry.LeadsByEmail.TryGetValue(email, out var existing))
        {
            return existing;
        }
        var lead = new SmartleadLead(KnownLeadId(email) ?? _leadIds.Next(), entry.Record.Id, email, firstName, lastName, company,
            null, null, null, null, null, customFieldsJson, LeadActive, now);
        entry.Leads.Add(lead);
        entry.LeadsByEmail.Add(email, lead);
        return lead;
    }

    internal (IReadOnlyList<SmartleadLead> Page, int Total) ViewLeads(string campaignId, LeadFilter filter, int offset, int limit)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            if (filter == LeadFilter.None)
            {
                return (entry.Leads.Skip(offset).Take(limit).ToArray(), entry.Leads.Count);
            }
            var matching = entry.Leads.Where(lead => Matches(entry.Record.Id, lead, filter)).ToList();
            return (matching.Skip(offset).Take(limit).ToArray(), matching.Count);
        }
    }

    /// <summary>Every campaign entry of the lead with this address (its first campaign first).</summary>
    internal IReadOnlyList<(SmartleadCampaign Campaign, SmartleadLead Lead)> FindLeads(string email)
    {
        lock (Gate)
        {
            return _campaigns.Values.OrderBy(e => e.Record.Id)
                .Where(e => e.LeadsByEmail.ContainsKey(email))
                .Select(e => (e.Snapshot(), e.LeadsByEmail[email]))
                .ToArray();
        }
    }

    /// <summary>The campaigns a lead id is in; 404 when it is in none.</summary>
    internal IReadOnlyList<(SmartleadCampaign Campaign, SmartleadLead Lead)> LeadCampaigns(string leadId)
    {
        lock (Gate)
        {
            var id = ParseId(leadId);
            var found = _campaigns.Values.OrderBy(e => e.Record.Id)
                .SelectMany(e => e.Leads.Where(l => l.Id == id).Select(l => (e.Snapshot(), l)))
                .ToArray();
            return found.Length > 0 ? found : throw PlatformErrorException.NotFound($"Lead not found - Invalid lead_id {leadId}.");
        }
    }

    internal bool IsUnsubscribedEverywhere(string email)
    {
        lock (Gate) { return _unsubscribedEmails.Contains(email); }
    }

    /// <summary>Pauses an ACTIVE lead (pausing a paused one changes nothing); finished leads cannot be paused (400).</summary>
    internal void PauseLead(string campaignId, string leadId) =>
        ChangeLead(campaignId, leadId, lead => lead.Status switch
        {
            LeadActive or LeadPaused => lead with { Status = LeadPaused },
            _ => throw PlatformErrorException.BadRequest($"Lead {lead.Id} is {lead.Status}; only ACTIVE leads can be paused."),
        });

    /// <summary>Resumes a PAUSED lead (resuming an active one changes nothing); finished leads cannot be resumed (400).</summary>
    internal void ResumeLead(string campaignId, string leadId) =>
        ChangeLead(campaignId, leadId, lead => lead.Status switch
        {
            LeadActive or LeadPaused => lead with { Status = LeadActive },
            _ => throw PlatformErrorException.BadRequest($"Lead {lead.Id} is {lead.Status}; only PAUSED leads can be resumed."),
        });

    internal void UnsubscribeLead(string campaignId, string leadId) =>
        ChangeLead(campaignId, leadId, lead => lead with { Status = LeadUnsubscribed });

    /// <summary>Unsubscribes the lead from every campaign; false when it already was (the docs' {"ok": false}).</summary>
    internal bool UnsubscribeEverywhere(string leadId)
    {
        lock (Gate)
        {
            var entries = LeadCampaigns(leadId);
            var email = entries[0].Lead.Email;
            var changed = _unsubscribedEmails.Add(email);
            foreach (var entry in _campaigns.Values.Where(e => e.LeadsByEmail.ContainsKey(email)))
            {
                var lead = entry.LeadsByEmail[email];
                changed |= lead.Status != LeadUnsubscribed;
                Replace(entry, lead with { Status = LeadUnsubscribed });
            }
            return changed;
        }
    }

    /// <summary>Sets the lead's category; an unknown category is a 404. With <paramref name="pause"/> the lead is paused too (docs).</summary>
    internal void SetLeadCategory(string campaignId, string leadId, long categoryId, bool pause)
    {
        lock (Gate)
        {
            if (LeadCategories.All(c => c.Id != categoryId))
            {
                throw PlatformErrorException.NotFound($"Lead category {categoryId} not found. Known category ids: {string.Join(", ", LeadCategories.Select(c => c.Id))}.");
            }
            ChangeLead(campaignId, leadId, lead =>
            {
                _leadCategories[(lead.CampaignId, lead.Id)] = categoryId;
                return pause && lead.Status == LeadActive ? lead with { Status = LeadPaused } : lead;
            });
        }
    }

    internal void DeleteLead(string campaignId, string leadId)
    {
        lock (Gate)
        {
            var (entry, lead) = RequireLead(campaignId, leadId);
            entry.Leads.Remove(lead);
            entry.LeadsByEmail.Remove(lead.Email);
            _leadCategories.Remove((lead.CampaignId, lead.Id));
        }
    }

    /// <summary>Does the stored status <paramref name="stored"/> count as the filter value <paramref name="wanted"/>? The docs'
    /// STARTED and INPROGRESS are an ACTIVE lead without and with a sent email, STOPPED an unsubscribed or bounced one.</summary>
    internal bool LeadStatusMatches(long campaignId, SmartleadLead lead, string wanted) => wanted switch
    {
        "STARTED" => lead.Status == LeadActive && !HasSends(campaignId, lead.Id),
        "INPROGRESS" => lead.Status == LeadActive && HasSends(campaignId, lead.Id),
        "STOPPED" => lead.Status is LeadUnsubscribed or LeadBounced,
        _ => lead.Status == wanted,
    };

    /// <summary>The lead's status in the docs site's vocabulary (STARTED, INPROGRESS, COMPLETED, PAUSED, STOPPED).</summary>
    internal string DocsLeadStatus(long campaignId, SmartleadLead lead) => lead.Status switch
    {
        LeadActive => HasSends(campaignId, lead.Id) ? "INPROGRESS" : "STARTED",
        LeadUnsubscribed or LeadBounced => "STOPPED",
        _ => lead.Status,
    };

    private bool Matches(long campaignId, SmartleadLead lead, LeadFilter filter)
    {
        if (filter.Status is { } status && !LeadStatusMatches(campaignId, lead, status))
        {
            return false;
        }
        if (filter.CategoryId is { } category && (!_leadCategories.TryGetValue((campaignId, lead.Id), out var has) || has != category))
        {
            return false;
        }
        if (filter.SequenceNumber is null && filter.EmailStatus is null)
        {
            return true;
        }
        var sends = _sends.Where(s => s.CampaignId == campaignId && s.LeadId == lead.Id).ToArray();
        if (filter.SequenceNumber is { } step && sends.All(s => s.SequenceNumber != step))
        {
            return false;
        }
        return filter.EmailStatus?.ToUpperInvariant() switch
        {
            null => true,
            "SENT" => sends.Length > 0,
            "OPENED" => sends.Any(s => s.OpenedAt.HasValue),
            "CLICKED" => sends.Any(s => s.ClickedAt.HasValue),
            "REPLIED" => sends.Any(s => s.RepliedAt.HasValue),
            "BOUNCED" => sends.Any(s => s.Bounced),
            _ => false,
        };
    }

    private void ChangeLead(string campaignId, string leadId, Func<SmartleadLead, SmartleadLead> change)
    {
        lock (Gate)
        {
            var (entry, lead) = RequireLead(campaignId, leadId);
            Replace(entry, change(lead));
        }
    }

    private static void Replace(CampaignEntry entry, SmartleadLead updated)
    {
        var index = entry.Leads.FindIndex(l => l.Id == updated.Id);
        entry.Leads[index] = updated;
        entry.LeadsByEmail[updated.Email] = updated;
    }

    // 404 before anything else: an unknown campaign, then a lead the campaign does not have (the docs' pause page's message).
    private (CampaignEntry Entry, SmartleadLead Lead) RequireLead(string campaignId, string leadId)
    {
        var entry = Require(campaignId);
        var id = ParseId(leadId);
        var lead = entry.Leads.FirstOrDefault(l => l.Id == id)
            ?? throw PlatformErrorException.NotFound($"Lead not found - lead_id {leadId} is not in this campaign.");
        return (entry, lead);
    }

    private static long ParseId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PlatformErrorException.NotFound($"Lead not found - Invalid lead_id {id}.");

    private long? KnownLeadId(string email) =>
        _campaigns.Values.Select(e => e.LeadsByEmail.GetValueOrDefault(email)).FirstOrDefault(l => l != null)?.Id;

    private void ReseedAfterLaunch()
    {
        _unsubscribedEmails.Clear();
        _unsubscribedEmails.Add(UnsubscribedEmail);
        _leadCategories.Clear();
        _readShape.Reset();
        ReseedSends();
        ReseedWebhooks();
        ReseedMailboxes();
    }
}
