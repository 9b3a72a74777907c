using System.Globalization;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The Smartlead sandbox's data. Campaign records are immutable snapshots; leads live in a per-campaign store.
/// What happens after launch (lead actions, sends and their statistics, webhooks, mailbox health) is in the
/// SmartleadSandboxState.*.cs files.</summary>
public sealed partial class SmartleadSandboxState : SandboxState
{
    public const string BlockedDomain = "blocked.example";
    public const string BlockedEmail = "blocked@example.com";
    public const string UnsubscribedEmail = "unsubscribed@example.com";

    /// <summary>The user id every campaign reports as its owner.</summary>
    public const long UserId = 196026;

    private readonly Dictionary<long, CampaignEntry> _campaigns = [];
    private readonly SmartleadEmailAccount[] _emailAccounts =
    [
        new(456, "Alex Sender", "alex@outreach.example", 50),
        new(457, "Blair Sender", "blair@outreach.example", 50),
        new(458, "Casey Sender", "casey@outreach.example", 40),
    ];
    private readonly IdSequence _campaignIds = new(1001);
    private readonly IdSequence _sequenceIds = new(5001);
    private readonly IdSequence _leadIds = new(100001);
    private readonly SandboxSwitch<SmartleadErrorShape> _errorShape = new(SmartleadErrorShape.Nested);
    private readonly SandboxSwitch<SmartleadLeadsResponseShape> _leadsResponseShape = new(SmartleadLeadsResponseShape.Spec);
    private int _totalLeadPosts;

    internal SmartleadSandboxState(TimeProvider time)
        : base(time)
    {
        Reset();
    }

    /// <summary>Shape of every Smartlead error body (default <see cref="SmartleadErrorShape.Nested"/>).</summary>
    public SmartleadErrorShape ErrorShape
    {
        get => _errorShape.Value;
        set => _errorShape.Value = value;
    }

    /// <summary>Shape of the add-leads response (default <see cref="SmartleadLeadsResponseShape.Spec"/>).</summary>
    public SmartleadLeadsResponseShape LeadsResponseShape
    {
        get => _leadsResponseShape.Value;
        set => _leadsResponseShape.Value = value;
    }

    /// <summary>The seeded sender mailboxes (ids 456, 457, 458).</summary>
    public IReadOnlyList<SmartleadEmailAccount> EmailAccounts => _emailAccounts;

    /// <summary>Domains on the global block list; leads there count as blocked unless ignore_global_block_list.</summary>
    public IReadOnlyList<string> BlockedDomains { get; } = [BlockedDomain];

    /// <summary>Addresses on the global block list.</summary>
    public IReadOnlyList<string> BlockedEmails { get; } = [BlockedEmail];

    /// <summary>Addresses that unsubscribed; they count as blocked unless ignore_unsubscribe(_list).</summary>
    public IReadOnlyList<string> UnsubscribedEmails
    {
        get { lock (Gate) { return _unsubscribedEmails.ToArray(); } }
    }

    public int CampaignCount
    {
        get { lock (Gate) { return _campaigns.Count; } }
    }

    /// <summary>Snapshots of all campaigns, newest first.</summary>
    public IReadOnlyList<SmartleadCampaign> Campaigns
    {
        get { lock (Gate) { return _campaigns.Values.OrderByDescending(e => e.Record.Id).Select(e => e.Snapshot()).ToArray(); } }
    }

    /// <summary>A snapshot of the campaign (status, sequences, accounts, schedule, settings, lead counts), or null.</summary>
    public SmartleadCampaign? Campaign(long campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId)?.Snapshot(); }
    }

    /// <summary>Leads stored in the campaign; 0 for an unknown (or deleted) campaign.</summary>
    public int LeadCount(long campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId)?.Leads.Count ?? 0; }
    }

    /// <summary>The campaign's lead emails in insertion order, as sent; empty for an unknown campaign.</summary>
    public IReadOnlyList<string> LeadEmails(long campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId)?.Leads.Select(l => l.Email).ToArray() ?? []; }
    }

    /// <summary>The campaign's stored leads in insertion order; empty for an unknown campaign.</summary>
    public IReadOnlyList<SmartleadLead> Leads(long campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId)?.Leads.ToArray() ?? []; }
    }

    /// <summary>Add-leads requests applied to the campaign (each one the handler answered with 200,
    /// even if an injected fault then hid the answer from the client).</summary>
    public int LeadPostCount(long campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId)?.LeadPosts ?? 0; }
    }

    /// <summary>Add-leads requests applied across all campaigns since the last reset (deleted campaigns included).</summary>
    public int TotalLeadPostCount
    {
        get { lock (Gate) { return _totalLeadPosts; } }
    }

    /// <summary>Test helper: forces a campaign into any status of the spec (DRAFTED, ACTIVE, PAUSED,
    /// STOPPED, ARCHIVED; case-insensitive), bypassing the transition rules.</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="ArgumentException">The status is not one of the five.</exception>
    public void SetCampaignStatus(long campaignId, string status)
    {
        var canonical = CanonicalStatus(SmartleadCampaignStatus.All, status);
        lock (Gate)
        {
            var entry = _campaigns.GetValueOrDefault(campaignId)
                ?? throw new KeyNotFoundException($"No Smartlead campaign has id {campaignId}.");
            entry.Record = entry.Record with { Status = canonical, UpdatedAt = NowToTheMillisecond() };
        }
    }

    private protected override void Reseed()
    {
        _campaigns.Clear();
        _campaignIds.Reset();
        _sequenceIds.Reset();
        _leadIds.Reset();
        _totalLeadPosts = 0;
        _errorShape.Reset();
        _leadsResponseShape.Reset();
        ReseedAfterLaunch();
    }

    internal SmartleadCampaign CreateCampaign(string name, long? clientId)
    {
        lock (Gate)
        {
            var now = NowToTheMillisecond();
            var campaign = new SmartleadCampaign(
                _campaignIds.Next(), name, SmartleadCampaignStatus.Drafted, clientId, now, now, [], [], null, SmartleadSettings.Empty);
            var entry = new CampaignEntry(campaign);
            _campaigns.Add(campaign.Id, entry);
            return entry.Snapshot();
        }
    }

    internal SmartleadCampaign ViewCampaign(string campaignId)
    {
        lock (Gate) { return Require(campaignId).Snapshot(); }
    }

    internal IReadOnlyList<SmartleadCampaign> ViewCampaigns(long? clientId)
    {
        lock (Gate)
        {
            return _campaigns.Values
                .Where(e => clientId is null || e.Record.ClientId == clientId)
                .OrderByDescending(e => e.Record.Id)
                .Select(e => e.Snapshot())
                .ToArray();
        }
    }

    internal void DeleteCampaign(string campaignId)
    {
        lock (Gate)
        {
            _campaigns.Remove(Require(campaignId).Record.Id);
        }
    }

    /// <summary>Applies START (from the API's START or the tutorial's ACTIVE), PAUSED or STOPPED.</summary>
    /// <remarks>The OpenAPI declares 400 and 422 for this operation and no 409, so refused transitions are
    /// 400s: STOPPED is final ("Stops the campaign permanently"), and START needs at least one sequence,
    /// one email account and one lead ("Validation on START").</remarks>
    internal SmartleadCampaign ChangeStatus(string campaignId, string requested)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            var campaign = entry.Record;
            if (campaign.Status == SmartleadCampaignStatus.Stopped)
            {
                throw PlatformErrorException.BadRequest(
                    $"Campaign {campaign.Id} is STOPPED; a stopped campaign cannot be started, paused or stopped again.");
            }
            if (campaign.Status == SmartleadCampaignStatus.Archived)
            {
                throw PlatformErrorException.BadRequest($"Campaign {campaign.Id} is ARCHIVED; its status cannot change.");
            }

            string next;
            switch (requested)
            {
                case SmartleadInputs.StatusStart:
                    var missing = new List<string>();
                    if (campaign.Sequences.Count == 0)
                    {
                        missing.Add("at least one email sequence");
                    }
                    if (campaign.EmailAccountIds.Count == 0)
                    {
                        missing.Add("at least one email account");
                    }
                    if (entry.Leads.Count == 0)
                    {
                        missing.Add("at least one lead");
                    }
                    if (missing.Count > 0)
                    {
                        throw PlatformErrorException.BadRequest(
                            $"Campaign {campaign.Id} cannot start: it needs {string.Join(", ", missing)}.");
                    }
                    next = SmartleadCampaignStatus.Active;
                    break;
                case SmartleadCampaignStatus.Paused:
                    next = SmartleadCampaignStatus.Paused;
                    break;
                case SmartleadCampaignStatus.Stopped:
                    next = SmartleadCampaignStatus.Stopped;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(requested), requested, "Unknown status request.");
            }

            entry.Record = campaign with { Status = next, UpdatedAt = NowToTheMillisecond() };
            return entry.Snapshot();
        }
    }

    /// <summary>Replaces the campaign's sequence. A sequence id, if sent, must be one of the campaign's.</summary>
    /// <remarks>The OpenAPI does not say whether a running campaign's sequence may change. The sandbox
    /// refuses while ACTIVE (400), so that clients learn to pause first; DRAFTED, PAUSED and the rest may change.</remarks>
    internal SmartleadCampaign SaveSequences(string campaignId, IReadOnlyList<SequenceInput> sequences)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            var campaign = entry.Record;
            if (campaign.Status == SmartleadCampaignStatus.Active)
            {
                throw PlatformErrorException.BadRequest("Pause the campaign before changing its sequence.");
            }

            var knownSequenceIds = campaign.Sequences.Select(s => s.Id).ToHashSet();
            var knownVariantIds = campaign.Sequences.SelectMany(s => s.Variants).Select(v => v.Id).ToHashSet();
            var saved = new List<SmartleadSequence>();
            for (var i = 0; i < sequences.Count; i++)
            {
                var input = sequences[i];
                if (input.Id is { } id && !knownSequenceIds.Contains(id))
                {
                    throw PlatformErrorException.BadRequest($"sequences[{i}].id {id} is not a sequence of campaign {campaign.Id}.");
                }
                var sequenceId = input.Id ?? _sequenceIds.Next();
                var variants = new List<SmartleadSequenceVariant>();
                for (var j = 0; j < input.Variants.Count; j++)
                {
                    var variant = input.Variants[j];
                    if (variant.Id is { } variantId && !knownVariantIds.Contains(variantId))
                    {
                        throw PlatformErrorException.BadRequest(
                            $"sequences[{i}].seq_variants[{j}].id {variantId} is not a variant of campaign {campaign.Id}.");
                    }
                    variants.Add(new SmartleadSequenceVariant(
                        variant.Id ?? _sequenceIds.Next(), variant.Subject, variant.EmailBody, variant.Label, variant.DistributionPercentage));
                }
                saved.Add(new SmartleadSequence(
                    sequenceId, input.SeqNumber, input.Subject, input.EmailBody, input.DelayInDays, variants));
            }

            entry.Record = campaign with { Sequences = saved.OrderBy(s => s.SeqNumber).ToArray(), UpdatedAt = NowToTheMillisecond() };
            return entry.Snapshot();
        }
    }

    internal IReadOnlyList<SmartleadEmailAccount> ViewEmailAccounts(string campaignId)
    {
        lock (Gate)
        {
            return Require(campaignId).Record.EmailAccountIds.Select(id => _emailAccounts.First(a => a.Id == id)).ToArray();
        }
    }

    /// <summary>Adds mailboxes (adding one twice is harmless). Unknown mailbox ids are a 404, the error
    /// guide's status for "the resource (campaign, lead, mailbox) does not exist".</summary>
    internal SmartleadCampaign AddEmailAccounts(string campaignId, IReadOnlyList<long> accountIds)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            EnsureAccountsExist(accountIds);
            entry.Record = entry.Record with
            {
                EmailAccountIds = entry.Record.EmailAccountIds.Concat(accountIds).Distinct().ToArray(),
                UpdatedAt = NowToTheMillisecond(),
            };
            return entry.Snapshot();
        }
    }

    internal SmartleadCampaign RemoveEmailAccounts(string campaignId, IReadOnlyList<long> accountIds)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            EnsureAccountsExist(accountIds);
            entry.Record = entry.Record with
            {
                EmailAccountIds = entry.Record.EmailAccountIds.Except(accountIds).ToArray(),
                UpdatedAt = NowToTheMillisecond(),
            };
            return entry.Snapshot();
        }
    }

    internal SmartleadCampaign SaveSchedule(string campaignId, SmartleadSchedule schedule)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            entry.Record = entry.Record with { Schedule = schedule, UpdatedAt = NowToTheMillisecond() };
            return entry.Snapshot();
        }
    }

    /// <summary>Changes only the settings the request names.</summary>
    internal SmartleadCampaign SaveSettings(string campaignId, SettingsInput input)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            var campaign = entry.Record;
            var settings = campaign.Settings;
            settings = settings with
            {
                TrackSettings = input.TrackSettings.IsSet ? input.TrackSettings.Value : settings.TrackSettings,
                StopLeadSettings = input.StopLeadSettings.IsSet ? input.StopLeadSettings.Value : settings.StopLeadSettings,
                UnsubscribeText = input.UnsubscribeText.IsSet ? input.UnsubscribeText.Value : settings.UnsubscribeText,
                SendAsPlainText = input.SendAsPlainText.IsSet ? input.SendAsPlainText.Value : settings.SendAsPlainText,
                FollowUpPercentage = input.FollowUpPercentage.IsSet ? input.FollowUpPercentage.Value : settings.FollowUpPercentage,
                MaxLeadsPerDay = input.MaxLeadsPerDay.IsSet ? input.MaxLeadsPerDay.Value : settings.MaxLeadsPerDay,
                EnableAiEspMatching = input.EnableAiEspMatching.IsSet ? input.EnableAiEspMatching.Value : settings.EnableAiEspMatching,
                IgnoreUnsubscribe = input.IgnoreUnsubscribe.IsSet ? input.IgnoreUnsubscribe.Value : settings.IgnoreUnsubscribe,
            };
            entry.Record = campaign with
            {
                Settings = settings,
                ClientId = input.ClientId.IsSet ? input.ClientId.Value : campaign.ClientId,
                UpdatedAt = NowToTheMillisecond(),
            };
            return entry.Snapshot();
        }
    }

    /// <summary>Adds leads, all or nothing per lead: each is inserted once or counted as invalid, blocked
    /// (global block list or unsubscribed) or duplicate (already in this campaign, earlier in this request,
    /// or, unless ignore_duplicate_leads_in_other_campaign, in another campaign).</summary>
    internal SmartleadLeadImportResult AddLeads(string campaignId, LeadsInput input)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            var now = NowToTheMillisecond();
            var skipped = new List<SmartleadSkippedLead>();
            int inserted = 0, duplicates = 0, blocked = 0, invalid = 0;
            foreach (var lead in input.Leads)
            {
                var reason = SkipReason(entry, lead.Email, input);
                switch (reason)
                {
                    case null:
                        var stored = new SmartleadLead(
                            KnownLeadId(lead.Email) ?? _leadIds.Next(), entry.Record.Id, lead.Email, lead.FirstName, lead.LastName, lead.CompanyName,
                            lead.PhoneNumber, lead.Website, lead.Location, lead.LinkedinProfile, lead.CompanyUrl,
                            lead.CustomFieldsJson, "ACTIVE", now);
                        entry.Leads.Add(stored);
                        entry.LeadsByEmail.Add(lead.Email, stored);
                        inserted++;
                        continue;
                    case SmartleadSkipReason.InvalidEmail:
                        invalid++;
                        break;
                    case SmartleadSkipReason.Blocked or SmartleadSkipReason.Unsubscribed:
                        blocked++;
                        break;
                    default:
                        duplicates++;
                        break;
                }
                skipped.Add(new SmartleadSkippedLead(lead.Email, reason));
            }

            entry.LeadPosts++;
            _totalLeadPosts++;
            if (inserted > 0)
            {
                entry.Record = entry.Record with { UpdatedAt = now };
            }
            return new SmartleadLeadImportResult(inserted, duplicates, blocked, invalid, skipped);
        }
    }

    private string? SkipReason(CampaignEntry entry, string email, LeadsInput input)
    {
        if (!SmartleadInputs.IsValidEmail(email))
        {
            return SmartleadSkipReason.InvalidEmail;
        }
        if (entry.LeadsByEmail.ContainsKey(email))
        {
            return SmartleadSkipReason.Duplicate;
        }
        if (!input.IgnoreGlobalBlockList)
        {
            var domain = email[(email.LastIndexOf('@') + 1)..];
            if (BlockedEmails.Contains(email, StringComparer.OrdinalIgnoreCase)
                || BlockedDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
            {
                return SmartleadSkipReason.Blocked;
            }
        }
        if (!input.IgnoreUnsubscribe && _unsubscribedEmails.Contains(email))
        {
            return SmartleadSkipReason.Unsubscribed;
        }
        if (!input.IgnoreDuplicatesInOtherCampaigns
            && _campaigns.Values.Any(other => other != entry && other.LeadsByEmail.ContainsKey(email)))
        {
            return SmartleadSkipReason.DuplicateInOtherCampaign;
        }
        return null;
    }

    private void EnsureAccountsExist(IReadOnlyList<long> accountIds)
    {
        var unknown = accountIds.Where(id => _emailAccounts.All(a => a.Id != id)).ToArray();
        if (unknown.Length > 0)
        {
            throw PlatformErrorException.NotFound(
                $"Email account(s) not found: {string.Join(", ", unknown)}. Known email_account_ids: {string.Join(", ", _emailAccounts.Select(a => a.Id))}.");
        }
    }

    private CampaignEntry Require(string campaignId) =>
        long.TryParse(campaignId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _campaigns.TryGetValue(id, out var entry)
            ? entry
            : throw PlatformErrorException.NotFound($"Campaign {campaignId} not found.");

    private sealed class CampaignEntry(SmartleadCampaign record)
    {
        public SmartleadCampaign Record { get; set; } = record;

        public List<SmartleadLead> Leads { get; } = [];

        public Dictionary<string, SmartleadLead> LeadsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int LeadPosts { get; set; }

        public SmartleadCampaign Snapshot() => Record with { LeadCount = Leads.Count, LeadPostCount = LeadPosts };
    }
}
