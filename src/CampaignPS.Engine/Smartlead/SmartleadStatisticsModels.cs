using System.Globalization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// One row of a campaign's statistics (GET /campaigns/{id}/statistics). The documents describe three kinds of row and
/// all are read: one sent email to one lead (the docs site's statistics page: LeadEmail set, each count 0 or 1), one
/// sequence step (the docs' get-by-id page: SequenceNumber set, counts summed), or the whole campaign (the API
/// reference's CampaignStatistics: neither set).
/// </summary>
public sealed class SmartleadCampaignStatistic
{
    /// <summary>The campaign.</summary>
    public long CampaignId { get; internal set; }

    /// <summary>The lead the email went to (rows of one email).</summary>
    public string? LeadEmail { get; internal set; }

    /// <summary>The lead's name (rows of one email).</summary>
    public string? LeadName { get; internal set; }

    /// <summary>The lead's category, when the answer says.</summary>
    public string? LeadCategory { get; internal set; }

    /// <summary>The sequence step, 1 for the first email.</summary>
    public int? SequenceNumber { get; internal set; }

    /// <summary>The email's subject, when the answer says.</summary>
    public string? Subject { get; internal set; }

    /// <summary>When the email was sent.</summary>
    public DateTimeOffset? SentTime { get; internal set; }

    /// <summary>When it was first opened.</summary>
    public DateTimeOffset? OpenTime { get; internal set; }

    /// <summary>When a link was first clicked.</summary>
    public DateTimeOffset? ClickTime { get; internal set; }

    /// <summary>When the lead replied.</summary>
    public DateTimeOffset? ReplyTime { get; internal set; }

    /// <summary>Emails sent (1 for a row of one email).</summary>
    public long Sent { get; internal set; }

    /// <summary>Emails opened.</summary>
    public long Opened { get; internal set; }

    /// <summary>Emails with a clicked link.</summary>
    public long Clicked { get; internal set; }

    /// <summary>Emails replied to.</summary>
    public long Replied { get; internal set; }

    /// <summary>Emails that bounced.</summary>
    public long Bounced { get; internal set; }

    /// <summary>Unsubscribes.</summary>
    public long Unsubscribed { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => LeadEmail != null
        ? $"{LeadEmail} step {SequenceNumber}: sent {SentTime:u}, opened {Opened}, replied {Replied}"
        : $"Campaign {CampaignId}{(SequenceNumber.HasValue ? " step " + SequenceNumber : string.Empty)}: {Sent} sent, {Opened} opened, {Replied} replied";
}

/// <summary>Which statistics rows to read; only what is set is sent (the docs site's statistics filters).</summary>
public sealed class SmartleadStatisticFilter
{
    /// <summary>Only emails of this sequence step, 1 to 20.</summary>
    public int? SequenceNumber { get; set; }

    /// <summary>Only emails that were opened, clicked, replied to, bounced or unsubscribed from.</summary>
    public SmartleadEmailStatus? EmailStatus { get; set; }

    /// <summary>Only emails sent after this moment.</summary>
    public DateTimeOffset? SentAfter { get; set; }

    /// <summary>Only emails sent before this moment.</summary>
    public DateTimeOffset? SentBefore { get; set; }

    /// <summary>Checks the filter without sending anything.</summary>
    public void Validate() => Query();

    internal IReadOnlyList<KeyValuePair<string, string?>> Query()
    {
        var rules = SmartleadRules.Instance;
        rules.Range("SequenceNumber", SequenceNumber, 1, 20);
        if (EmailStatus == SmartleadEmailStatus.Sent)
        {
            throw rules.Fail("EmailStatus", "EmailStatus Sent is not a statistics filter: every row is a sent email. Leave -EmailStatus out, or use Opened, Clicked, Replied, Bounced or Unsubscribed.");
        }

        if (SentAfter.HasValue && SentBefore.HasValue && SentAfter.Value >= SentBefore.Value)
        {
            throw rules.Fail("SentBefore", $"SentBefore {SentBefore.Value:u} is not after SentAfter {SentAfter.Value:u}. Give a window whose end follows its start.");
        }

        var query = new List<KeyValuePair<string, string?>>();
        Add(query, "email_sequence_number", SequenceNumber?.ToString(CultureInfo.InvariantCulture));
        // The docs site's statistics pages take the status in lower case (opened, clicked, ...).
        Add(query, "email_status", EmailStatus?.ToString().ToLowerInvariant());
        Add(query, "sent_time_start_date", Moment(SentAfter));
        Add(query, "sent_time_end_date", Moment(SentBefore));
        return query;
    }

    // The form the docs' get-by-id page shows ("2023-10-16 10:33:02.000Z"), in UTC.
    private static string? Moment(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Add(List<KeyValuePair<string, string?>> query, string name, string? value)
    {
        if (value != null)
        {
            query.Add(new KeyValuePair<string, string?>(name, value));
        }
    }
}

/// <summary>
/// A campaign's counters (GET /campaigns/{id}/analytics, or .../analytics-by-date for a date range), and the rows of the
/// account-wide campaign overview (GET /analytics/campaign/overall-stats). Counts the answer leaves out are null; a
/// rate the answer leaves out is worked out from its counts when both are there.
/// </summary>
public sealed class SmartleadCampaignAnalytics
{
    /// <summary>The campaign.</summary>
    public long CampaignId { get; internal set; }

    /// <summary>The campaign's name, when the answer says.</summary>
    public string? CampaignName { get; internal set; }

    /// <summary>The first day counted (date ranges only).</summary>
    public DateTime? StartDate { get; internal set; }

    /// <summary>The last day counted (date ranges only).</summary>
    public DateTime? EndDate { get; internal set; }

    /// <summary>Leads in the campaign, when the answer says.</summary>
    public long? TotalLeads { get; internal set; }

    /// <summary>Emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Emails opened.</summary>
    public long? Opened { get; internal set; }

    /// <summary>Emails with a clicked link.</summary>
    public long? Clicked { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replied { get; internal set; }

    /// <summary>Bounces.</summary>
    public long? Bounced { get; internal set; }

    /// <summary>Unsubscribes.</summary>
    public long? Unsubscribed { get; internal set; }

    /// <summary>Opened per sent, in percent.</summary>
    public double? OpenRate { get; internal set; }

    /// <summary>Clicked per sent, in percent.</summary>
    public double? ClickRate { get; internal set; }

    /// <summary>Replied per sent, in percent.</summary>
    public double? ReplyRate { get; internal set; }

    /// <summary>Bounced per sent, in percent.</summary>
    public double? BounceRate { get; internal set; }

    /// <summary>Unsubscribed per sent, in percent.</summary>
    public double? UnsubscribeRate { get; internal set; }

    /// <summary>The counters by day, when the answer has them (the API reference's time_series).</summary>
    public IReadOnlyList<SmartleadDailyStatistic> Daily { get; internal set; } = Array.Empty<SmartleadDailyStatistic>();

    /// <inheritdoc />
    public override string ToString() => $"Campaign {CampaignId}: {Sent} sent, {Opened} opened, {Replied} replied, {Bounced} bounced";
}

/// <summary>One day's counters: of a campaign (its analytics' Daily) or of the account (Get-SmartleadAnalytics -By Day).</summary>
public sealed class SmartleadDailyStatistic
{
    /// <summary>The day.</summary>
    public DateTime Date { get; internal set; }

    /// <summary>Emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Emails opened.</summary>
    public long? Opened { get; internal set; }

    /// <summary>Emails with a clicked link.</summary>
    public long? Clicked { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replied { get; internal set; }

    /// <summary>Bounces, when the answer says.</summary>
    public long? Bounced { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd}: {Sent} sent, {Opened} opened, {Replied} replied";
}

/// <summary>The whole account's counters over a date range (GET /analytics/overall-stats-v2).</summary>
public sealed class SmartleadAnalyticsSummary
{
    /// <summary>The first day counted.</summary>
    public DateTime StartDate { get; internal set; }

    /// <summary>The last day counted.</summary>
    public DateTime EndDate { get; internal set; }

    /// <summary>Emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Emails opened.</summary>
    public long? Opened { get; internal set; }

    /// <summary>Emails with a clicked link.</summary>
    public long? Clicked { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replied { get; internal set; }

    /// <summary>Bounces.</summary>
    public long? Bounced { get; internal set; }

    /// <summary>Opened per sent, in percent.</summary>
    public double? OpenRate { get; internal set; }

    /// <summary>Clicked per sent, in percent.</summary>
    public double? ClickRate { get; internal set; }

    /// <summary>Replied per sent, in percent.</summary>
    public double? ReplyRate { get; internal set; }

    /// <summary>Bounced per sent, in percent.</summary>
    public double? BounceRate { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd}: {Sent} sent, {Opened} opened, {Replied} replied";
}

/// <summary>One mailbox's counters over a date range (GET /analytics/mailbox/overall-stats); pipes into Get-SmartleadEmailAccount.</summary>
public sealed class SmartleadMailboxStatistic
{
    /// <summary>The email account, when the answer names it by id.</summary>
    public long? EmailAccountId { get; internal set; }

    /// <summary>The mailbox's address.</summary>
    public string? Email { get; internal set; }

    /// <summary>Emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Emails opened.</summary>
    public long? Opened { get; internal set; }

    /// <summary>Emails with a clicked link.</summary>
    public long? Clicked { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replied { get; internal set; }

    /// <summary>Bounces, when the answer says.</summary>
    public long? Bounced { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Email} ({EmailAccountId}): {Sent} sent, {Replied} replied";
}

/// <summary>Which part of the account's analytics to read, and for which days.</summary>
public sealed class SmartleadAnalyticsQuery
{
    /// <summary>The first day (required).</summary>
    public DateTime StartDate { get; set; }

    /// <summary>The last day (required, not before StartDate).</summary>
    public DateTime EndDate { get; set; }

    /// <summary>IANA time zone the days are counted in (the server's default is UTC).</summary>
    public string? TimeZone { get; set; }

    /// <summary>Only these campaigns.</summary>
    public IReadOnlyCollection<long> CampaignIds { get; set; } = Array.Empty<long>();

    /// <summary>Only these agency clients.</summary>
    public IReadOnlyCollection<long> ClientIds { get; set; } = Array.Empty<long>();

    /// <summary>Only these mailboxes (mailbox figures only).</summary>
    public IReadOnlyCollection<long> EmailAccountIds { get; set; } = Array.Empty<long>();

    /// <summary>Checks the query without sending anything.</summary>
    public void Validate() => Query(includeAccounts: true);

    internal List<KeyValuePair<string, string?>> Query(bool includeAccounts)
    {
        var rules = SmartleadRules.Instance;
        SmartleadDates.CheckRange(StartDate, EndDate);
        string? zone = TimeZone == null ? null : rules.IanaTimeZone("TimeZone", TimeZone);
        var query = new List<KeyValuePair<string, string?>>
        {
            new KeyValuePair<string, string?>("start_date", SmartleadDates.Day(StartDate)),
            new KeyValuePair<string, string?>("end_date", SmartleadDates.Day(EndDate)),
            new KeyValuePair<string, string?>("timezone", zone),
            new KeyValuePair<string, string?>("campaign_ids", Ids("CampaignId", CampaignIds)),
            new KeyValuePair<string, string?>("client_ids", Ids("ClientId", ClientIds)),
        };
        if (includeAccounts)
        {
            query.Add(new KeyValuePair<string, string?>("email_account_ids", Ids("EmailAccountId", EmailAccountIds)));
        }

        return query;
    }

    // The analytics pages take id lists as one comma-separated parameter.
    private static string? Ids(string field, IReadOnlyCollection<long>? ids)
    {
        if (ids == null || ids.Count == 0)
        {
            return null;
        }

        foreach (long id in ids)
        {
            SmartleadRules.Instance.Range(field, id, 1, long.MaxValue);
        }

        return string.Join(",", ids.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>Date ranges as the analytics endpoints take them: whole days, "yyyy-MM-dd" (ISO 8601, what every page's example sends).</summary>
internal static class SmartleadDates
{
    public static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void CheckRange(DateTime start, DateTime end)
    {
        var rules = SmartleadRules.Instance;
        if (start == default)
        {
            throw rules.Fail("StartDate", "StartDate is missing. Give the first day to count, e.g. -StartDate (Get-Date).AddDays(-7).");
        }

        if (end == default)
        {
            throw rules.Fail("EndDate", "EndDate is missing. Give the last day to count, e.g. -EndDate (Get-Date).");
        }

        if (end.Date < start.Date)
        {
            throw rules.Fail("EndDate", $"EndDate {Day(end)} is before StartDate {Day(start)}. Give a range whose last day is on or after its first.");
        }
    }
}
