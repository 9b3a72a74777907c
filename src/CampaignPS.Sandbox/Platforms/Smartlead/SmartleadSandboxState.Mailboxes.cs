namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Mailbox health: warmup settings and results, suspension and the connection. Seeded so that an admin's check
/// finds something: 456 and 457 warm and connected, 458 disconnected (SMTP login fails) with warmup off.</summary>
public sealed partial class SmartleadSandboxState
{
    public const string DisconnectedSmtpError = "535 5.7.8 Authentication failed";

    /// <summary>The docs' answers carry the mailbox passwords; the sandbox sends this one so tests can prove it never surfaces.</summary>
    public const string MailboxPassword = "sandbox-mailbox-password";

    private readonly Dictionary<long, SmartleadMailboxHealth> _health = [];

    /// <summary>The mailbox's health now; every seeded mailbox has one.</summary>
    public SmartleadMailboxHealth Health(long emailAccountId)
    {
        lock (Gate) { return _health[emailAccountId]; }
    }

    internal SmartleadEmailAccount RequireMailbox(string emailAccountId)
    {
        lock (Gate)
        {
            return long.TryParse(emailAccountId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && _emailAccounts.FirstOrDefault(a => a.Id == id) is { } account
                    ? account
                    : throw PlatformErrorException.NotFound($"Email account {emailAccountId} not found.");
        }
    }

    /// <summary>Campaigns that send from the mailbox, and the emails it sent today (UTC).</summary>
    internal (int Campaigns, int SentToday) MailboxUse(long emailAccountId)
    {
        lock (Gate)
        {
            var today = DateOnly.FromDateTime(UtcNow.UtcDateTime);
            return (_campaigns.Values.Count(e => e.Record.EmailAccountIds.Contains(emailAccountId)),
                _sends.Count(s => s.EmailAccountId == emailAccountId && DateOnly.FromDateTime(s.SentAt.UtcDateTime) == today));
        }
    }

    internal void SaveWarmup(string emailAccountId, WarmupInput input)
    {
        lock (Gate)
        {
            var id = RequireMailbox(emailAccountId).Id;
            var health = _health[id];
            _health[id] = health with
            {
                WarmupEnabled = input.Enabled ?? health.WarmupEnabled,
                WarmupPerDay = input.PerDay ?? health.WarmupPerDay,
                DailyRampup = input.DailyRampup ?? health.DailyRampup,
                ReplyRatePercentage = input.ReplyRatePercentage ?? health.ReplyRatePercentage,
            };
        }
    }

    internal void SetSuspended(string emailAccountId, bool suspended)
    {
        lock (Gate)
        {
            var id = RequireMailbox(emailAccountId).Id;
            _health[id] = _health[id] with { IsSuspended = suspended };
        }
    }

    private void ReseedMailboxes()
    {
        _health.Clear();
        _health[456] = new SmartleadMailboxHealth(true, 20, 5, 30, 98, 42, false, null);
        _health[457] = new SmartleadMailboxHealth(true, 15, 5, 25, 91, 17, false, null);
        _health[458] = new SmartleadMailboxHealth(false, 10, 5, 20, 72, 0, false, DisconnectedSmtpError);
    }
}
