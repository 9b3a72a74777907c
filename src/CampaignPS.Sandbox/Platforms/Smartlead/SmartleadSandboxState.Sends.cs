namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>A filter of the statistics rows (the docs' statistics filters).</summary>
internal sealed record SendFilter(int? SequenceNumber, SmartleadEmailEvent? Status, DateTimeOffset? SentAfter, DateTimeOffset? SentBefore);

/// <summary>The sends of a set of campaigns over a span of days, as the analytics routes count them.</summary>
internal sealed record SendWindow(DateOnly StartDate, DateOnly EndDate, TimeZoneInfo Zone, IReadOnlyCollection<long> CampaignIds, IReadOnlyCollection<long> ClientIds);

/// <summary>The counters of a set of sends; rates in percent of the sent emails, to two decimals.</summary>
internal sealed record SendCounts(int Sent, int Opened, int Clicked, int Replied, int Bounced, int Unsubscribed, int UniqueLeads)
{
    public static SendCounts Of(IEnumerable<SmartleadSend> sends)
    {
        var list = sends as IReadOnlyCollection<SmartleadSend> ?? sends.ToArray();
        return new SendCounts(list.Count, list.Count(s => s.OpenedAt.HasValue), list.Count(s => s.ClickedAt.HasValue),
            list.Count(s => s.RepliedAt.HasValue), list.Count(s => s.Bounced), list.Count(s => s.Unsubscribed),
            list.Select(s => s.LeadId).Distinct().Count());
    }

    public double Rate(int count) => Sent == 0 ? 0 : Math.Round(100.0 * count / Sent, 2);
}

/// <summary>What the sandbox "sent" and what happened to it. Nothing is sent by itself: the control route
/// /campaigns/{id}/deliver sends the next step to every ACTIVE lead of an ACTIVE campaign (so paused leads are skipped),
/// and /campaigns/{id}/events records opens, clicks, replies, bounces and unsubscribes. Statistics and analytics are
/// counted from these sends, so they always agree with the leads the campaign holds.</summary>
public sealed partial class SmartleadSandboxState
{
    private readonly List<SmartleadSend> _sends = [];
    private readonly IdSequence _sendIds = new(700001);
    private readonly SandboxSwitch<SmartleadStatisticsShape> _statisticsShape = new(SmartleadStatisticsShape.Emails);

    /// <summary>Shape of the statistics answer (default <see cref="SmartleadStatisticsShape.Emails"/>).</summary>
    public SmartleadStatisticsShape StatisticsShape
    {
        get => _statisticsShape.Value;
        set => _statisticsShape.Value = value;
    }

    /// <summary>The campaign's sends, oldest first.</summary>
    public IReadOnlyList<SmartleadSend> Sends(long campaignId)
    {
        lock (Gate) { return _sends.Where(s => s.CampaignId == campaignId).ToArray(); }
    }

    /// <summary>Sends the next sequence step to every ACTIVE lead of an ACTIVE campaign, from its unsuspended mailboxes in turn;
    /// a lead that got the last step is COMPLETED. Returns how many emails went out.</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="InvalidOperationException">The campaign is not ACTIVE or has no mailbox that may send.</exception>
    public int Deliver(long campaignId)
    {
        lock (Gate)
        {
            var entry = _campaigns.GetValueOrDefault(campaignId) ?? throw new KeyNotFoundException($"No Smartlead campaign has id {campaignId}.");
            if (entry.Record.Status != SmartleadCampaignStatus.Active)
            {
                throw new InvalidOperationException($"Campaign {campaignId} is {entry.Record.Status}; only an ACTIVE campaign sends.");
            }
            var mailboxes = entry.Record.EmailAccountIds.Where(id => !Health(id).IsSuspended && Health(id).IsConnected).ToArray();
            if (mailboxes.Length == 0)
            {
                throw new InvalidOperationException($"Campaign {campaignId} has no connected, unsuspended email account to send from.");
            }

            var steps = entry.Record.Sequences.OrderBy(s => s.SeqNumber).ToArray();
            var now = NowToTheMillisecond();
            var sent = 0;
            foreach (var lead in entry.Leads.Where(l => l.Status == LeadActive).ToArray())
            {
                var done = _sends.Count(s => s.CampaignId == campaignId && s.LeadId == lead.Id);
                if (done >= steps.Length)
                {
                    continue;
                }
                _sends.Add(new SmartleadSend(_sendIds.Next(), campaignId, lead.Id, lead.Email, steps[done].SeqNumber, mailboxes[sent % mailboxes.Length], now));
                sent++;
                if (done + 1 == steps.Length)
                {
                    Replace(entry, lead with { Status = LeadCompleted });
                }
            }
            return sent;
        }
    }

    /// <summary>Records what happened to the latest email the lead got (or to step <paramref name="sequenceNumber"/>'s). A reply
    /// ends the lead's sequence (COMPLETED); a bounce or an unsubscribe sets the lead's status to BOUNCED or UNSUBSCRIBED.</summary>
    /// <exception cref="KeyNotFoundException">No such campaign, lead or sent email.</exception>
    public SmartleadSend RecordEvent(long campaignId, string email, SmartleadEmailEvent happened, int? sequenceNumber = null)
    {
        lock (Gate)
        {
            var entry = _campaigns.GetValueOrDefault(campaignId) ?? throw new KeyNotFoundException($"No Smartlead campaign has id {campaignId}.");
            var lead = entry.LeadsByEmail.GetValueOrDefault(email) ?? throw new KeyNotFoundException($"Campaign {campaignId} has no lead {email}.");
            var index = _sends.FindLastIndex(s => s.CampaignId == campaignId && s.LeadId == lead.Id && (sequenceNumber is null || s.SequenceNumber == sequenceNumber));
            if (index < 0)
            {
                throw new KeyNotFoundException($"No email{(sequenceNumber is null ? "" : $" of step {sequenceNumber}")} was sent to {email} in campaign {campaignId}.");
            }

            var now = NowToTheMillisecond();
            var send = _sends[index];
            send = happened switch
            {
                SmartleadEmailEvent.Opened => send with { OpenedAt = send.OpenedAt ?? now },
                SmartleadEmailEvent.Clicked => send with { OpenedAt = send.OpenedAt ?? now, ClickedAt = send.ClickedAt ?? now },
                SmartleadEmailEvent.Replied => send with { OpenedAt = send.OpenedAt ?? now, RepliedAt = send.RepliedAt ?? now },
                SmartleadEmailEvent.Bounced => send with { Bounced = true },
                _ => send with { Unsubscribed = true },
            };
            _sends[index] = send;
            var status = happened switch
            {
                SmartleadEmailEvent.Replied => LeadCompleted,
                SmartleadEmailEvent.Bounced => LeadBounced,
                SmartleadEmailEvent.Unsubscribed => LeadUnsubscribed,
                _ => lead.Status,
            };
            Replace(entry, lead with { Status = status });
            return send;
        }
    }

    internal (IReadOnlyList<SmartleadSend> Page, int Total) ViewSends(string campaignId, SendFilter filter, int offset, int limit)
    {
        lock (Gate)
        {
            var id = Require(campaignId).Record.Id;
            var matching = _sends.Where(s => s.CampaignId == id && Matches(s, filter)).ToList();
            return (matching.Skip(offset).Take(limit).ToArray(), matching.Count);
        }
    }

    /// <summary>The campaign's sends and its lead count (statistics totals, analytics).</summary>
    internal (SmartleadCampaign Campaign, IReadOnlyList<SmartleadSend> Sends) CampaignSends(string campaignId)
    {
        lock (Gate)
        {
            var entry = Require(campaignId);
            return (entry.Snapshot(), _sends.Where(s => s.CampaignId == entry.Record.Id).ToArray());
        }
    }

    /// <summary>The campaigns a window covers (newest first) with their sends in it.</summary>
    internal IReadOnlyList<(SmartleadCampaign Campaign, IReadOnlyList<SmartleadSend> Sends)> SendsIn(SendWindow window)
    {
        lock (Gate)
        {
            return _campaigns.Values
                .Where(e => window.CampaignIds.Count == 0 || window.CampaignIds.Contains(e.Record.Id))
                .Where(e => window.ClientIds.Count == 0 || (e.Record.ClientId is { } client && window.ClientIds.Contains(client)))
                .OrderByDescending(e => e.Record.Id)
                .Select(e => (e.Snapshot(), (IReadOnlyList<SmartleadSend>)_sends.Where(s => s.CampaignId == e.Record.Id && InWindow(s, window)).ToArray()))
                .ToArray();
        }
    }

    /// <summary>The day a send counts on in <paramref name="zone"/>.</summary>
    internal static DateOnly DayOf(SmartleadSend send, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(send.SentAt, zone).DateTime);

    private static bool InWindow(SmartleadSend send, SendWindow window)
    {
        var day = DayOf(send, window.Zone);
        return day >= window.StartDate && day <= window.EndDate;
    }

    private bool HasSends(long campaignId, long leadId) => _sends.Any(s => s.CampaignId == campaignId && s.LeadId == leadId);

    private static bool Matches(SmartleadSend send, SendFilter filter) =>
        (filter.SequenceNumber is null || send.SequenceNumber == filter.SequenceNumber)
        && (filter.SentAfter is null || send.SentAt >= filter.SentAfter)
        && (filter.SentBefore is null || send.SentAt <= filter.SentBefore)
        && filter.Status switch
        {
            null => true,
            SmartleadEmailEvent.Opened => send.OpenedAt.HasValue,
            SmartleadEmailEvent.Clicked => send.ClickedAt.HasValue,
            SmartleadEmailEvent.Replied => send.RepliedAt.HasValue,
            SmartleadEmailEvent.Bounced => send.Bounced,
            _ => send.Unsubscribed,
        };

    private void ReseedSends()
    {
        _sends.Clear();
        _sendIds.Reset();
        _statisticsShape.Reset();
    }
}
