using System.Globalization;
using CampaignPS.Engine.Readiness;

namespace CampaignPS.Engine.Smartlead;

/// <summary>What the readiness check of one Smartlead campaign read from the server.</summary>
public sealed class SmartleadReadinessInput
{
    /// <summary>The campaign (GET /campaigns/{id}): status, schedule and settings.</summary>
    public SmartleadCampaign Campaign { get; set; } = new SmartleadCampaign();

    /// <summary>Its sequence (GET /campaigns/{id}/sequences).</summary>
    public IReadOnlyList<SmartleadSequenceStep> Sequence { get; set; } = Array.Empty<SmartleadSequenceStep>();

    /// <summary>Its sending accounts with their health (GET /campaigns/{id}/email-accounts).</summary>
    public IReadOnlyList<SmartleadEmailAccount> EmailAccounts { get; set; } = Array.Empty<SmartleadEmailAccount>();

    /// <summary>Warmup results of the accounts whose answer had no reputation (GET /email-accounts/{id}/warmup-stats), by account id.</summary>
    public IReadOnlyDictionary<long, SmartleadWarmupStatistic> Warmup { get; set; } = new Dictionary<long, SmartleadWarmupStatistic>();

    /// <summary>Accounts whose warmup results could not be read, with the reason.</summary>
    public IReadOnlyDictionary<long, string> WarmupUnread { get; set; } = new Dictionary<long, string>();

    /// <summary>Whether the campaign has at least one lead (GET /campaigns/{id}/leads?limit=1).</summary>
    public bool HasLeads { get; set; }
}

/// <summary>
/// Why a Smartlead campaign cannot start yet: a pure check over what was read (<see cref="Check"/>), and the reads it needs
/// (<see cref="TestAsync"/>). Errors are what Smartlead's reference says START refuses (no sequence, email account or lead),
/// a status START cannot leave, an invalid sequence, and accounts none of which can send; the rest are warnings.
/// </summary>
public static class SmartleadReadiness
{
    /// <summary>A warmup reputation below this (percent) is reported as MailboxWarmupLow.</summary>
    public const double MinimumReputation = 80;

    /// <summary>Fewer days of warmup than this is reported as MailboxWarmupLow (Smartlead's guides suggest about two weeks).</summary>
    public const int MinimumWarmupDays = 14;

    /// <summary>
    /// Reads the campaign, its sequence, its email accounts (and their warmup results where the account answer has no
    /// reputation) and one page of its leads, then checks them. An unknown campaign fails with SmartleadCampaignNotFound.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignReadinessFinding>> TestAsync(SmartleadClient client, long campaignId, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        SmartleadCampaign campaign = await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmartleadSequenceStep> sequence = await client.GetSequenceAsync(campaignId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SmartleadEmailAccount> accounts = await client.GetEmailAccountsAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var warmup = new Dictionary<long, SmartleadWarmupStatistic>();
        var unread = new Dictionary<long, string>();
        foreach (SmartleadEmailAccount account in accounts.Where(a => a.WarmupEnabled != false && a.WarmupReputation == null))
        {
            try
            {
                warmup[account.Id] = await client.Mailboxes.GetWarmupStatisticsAsync(account.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignApiException failure) when (!failure.Failure.IsTerminating)
            {
                unread[account.Id] = failure.Failure.ErrorId;
            }
        }

        var leads = await client.Leads.GetPageAsync(campaignId, null, null, 1, cancellationToken).ConfigureAwait(false);
        return Check(new SmartleadReadinessInput
        {
            Campaign = campaign,
            Sequence = sequence,
            EmailAccounts = accounts,
            Warmup = warmup,
            WarmupUnread = unread,
            HasLeads = leads.Items.Count > 0,
        });
    }

    /// <summary>The findings for what was read; none for a campaign that is ready in every respect.</summary>
    public static IReadOnlyList<CampaignReadinessFinding> Check(SmartleadReadinessInput input)
    {
        if (input == null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        SmartleadCampaign campaign = input.Campaign;
        string id = campaign.Id.ToString(CultureInfo.InvariantCulture);
        var findings = new List<CampaignReadinessFinding>();
        void Add(ReadinessSeverity severity, string check, string message, string fix) =>
            findings.Add(new CampaignReadinessFinding(Platform.Smartlead, id, severity, check, message, fix));

        switch ((campaign.Status ?? string.Empty).ToUpperInvariant())
        {
            case "STOPPED":
                Add(ReadinessSeverity.Error, "StatusNotStartable", $"The campaign is STOPPED, which Smartlead cannot undo.", "Create a new campaign (New-SmartleadCampaign) and configure it.");
                break;
            case "ARCHIVED":
                Add(ReadinessSeverity.Error, "StatusNotStartable", $"The campaign is ARCHIVED; its status cannot change.", "Create a new campaign (New-SmartleadCampaign) and configure it.");
                break;
            case "COMPLETED":
                Add(ReadinessSeverity.Warning, "CampaignCompleted", "The campaign is COMPLETED: every lead has had every step.", "Add new leads (Add-SmartleadLead) if it should send again.");
                break;
            case "ACTIVE":
                Add(ReadinessSeverity.Info, "CampaignActive", "The campaign is already running.", "Nothing to start; Suspend-SmartleadCampaign pauses it.");
                break;
        }

        CheckSequence(input.Sequence, id, Add);
        CheckMailboxes(input, id, Add);

        if (!input.HasLeads)
        {
            Add(ReadinessSeverity.Error, "LeadsMissing", "The campaign has no leads; Smartlead refuses START without one.", $"Add-SmartleadLead -CampaignId {id} -Lead (Import-Csv leads.csv)");
        }

        if (string.IsNullOrEmpty(campaign.TimeZone) || campaign.Days.Count == 0 || string.IsNullOrEmpty(campaign.StartHour) || string.IsNullOrEmpty(campaign.EndHour))
        {
            Add(ReadinessSeverity.Warning, "ScheduleMissing", "The campaign has no sending schedule (time zone, days and hours); Smartlead's reference does not say when such a campaign sends.",
                $"Set-SmartleadSchedule -CampaignId {id} -TimeZone 'America/New_York' -Day 'Monday', 'Tuesday' -StartHour 9 -EndHour 17");
        }

        if (campaign.StopLeadSettings == null && campaign.TrackSettings.Count == 0 && campaign.MaxLeadsPerDay == null && campaign.FollowUpPercentage == null)
        {
            Add(ReadinessSeverity.Warning, "SettingsMissing", "No campaign settings were saved (stop condition, tracking, daily limit), so Smartlead's defaults apply, which its reference does not list.",
                $"Set-SmartleadSetting -CampaignId {id} -StopLeadOn Reply -MaxLeadsPerDay 100");
        }

        return findings;
    }

    private static void CheckSequence(IReadOnlyList<SmartleadSequenceStep> steps, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        if (steps.Count == 0)
        {
            add(ReadinessSeverity.Error, "SequenceMissing", "The campaign has no sequence; Smartlead refuses START without one.",
                $"Set-SmartleadSequence -CampaignId {id} -Step @{{ Subject = 'Hello'; Body = 'Hi {{{{first_name}}}}'; DelayDays = 0 }}");
            return;
        }

        try
        {
            SmartleadSequenceStep.ValidateSequence(steps);
        }
        catch (InputValidationException invalid)
        {
            add(ReadinessSeverity.Error, "SequenceInvalid", "The sequence as Smartlead holds it is not valid: " + invalid.Message,
                $"Fix the step and set it back: Get-SmartleadSequence -CampaignId {id} (change it), then Set-SmartleadSequence -CampaignId {id} -Step $steps");
        }
    }

    private static void CheckMailboxes(SmartleadReadinessInput input, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        IReadOnlyList<SmartleadEmailAccount> accounts = input.EmailAccounts;
        if (accounts.Count == 0)
        {
            add(ReadinessSeverity.Error, "MailboxMissing", "The campaign has no email account to send from; Smartlead refuses START without one.",
                $"Add-SmartleadEmailAccount -CampaignId {id} -EmailAccountId 456 (Get-SmartleadEmailAccount lists the account's mailboxes)");
            return;
        }

        bool CanSend(SmartleadEmailAccount a) => !Disconnected(a) && a.IsSuspended != true;
        // A mailbox that cannot send blocks the start only when no other mailbox of the campaign can.
        ReadinessSeverity blocking = accounts.Any(CanSend) ? ReadinessSeverity.Warning : ReadinessSeverity.Error;
        string others = blocking == ReadinessSeverity.Error ? " No mailbox of the campaign can send." : " The campaign's other mailboxes still send.";
        foreach (SmartleadEmailAccount account in accounts)
        {
            string name = $"Mailbox {account.FromEmail ?? "?"} ({account.Id})";
            if (Disconnected(account))
            {
                string why = string.IsNullOrEmpty(account.ConnectionError) ? string.Empty : $" ({account.ConnectionError})";
                add(blocking, "MailboxDisconnected", $"{name} is {account.ConnectionStatus}{why}.{others}",
                    $"Reconnect it in Smartlead (SMTP/IMAP login), or take it off: Remove-SmartleadEmailAccount -CampaignId {id} -EmailAccountId {account.Id}");
            }

            if (account.IsSuspended == true)
            {
                add(blocking, "MailboxSuspended", $"{name} is suspended.{others}", $"Resume-SmartleadEmailAccount -EmailAccountId {account.Id}");
            }

            input.Warmup.TryGetValue(account.Id, out SmartleadWarmupStatistic? stats);
            double? reputation = account.WarmupReputation ?? stats?.Reputation;
            string reputationText = reputation is double r ? string.Format(CultureInfo.InvariantCulture, " Its warmup reputation is {0:0.#}%.", r) : string.Empty;
            if (account.WarmupEnabled == false)
            {
                add(ReadinessSeverity.Warning, "MailboxWarmupOff", $"{name} has warmup switched off.{reputationText}", $"Set-SmartleadWarmup -EmailAccountId {account.Id} -Enabled");
                continue;
            }

            if (input.WarmupUnread.TryGetValue(account.Id, out string? failure))
            {
                add(ReadinessSeverity.Info, "MailboxWarmupUnread", $"{name}: its warmup results could not be read ({failure}), so its reputation was not checked.",
                    $"Get-SmartleadWarmupStatistic -EmailAccountId {account.Id}");
                continue;
            }

            var low = new List<string>();
            if (reputation is double value && value < MinimumReputation)
            {
                low.Add(string.Format(CultureInfo.InvariantCulture, "its warmup reputation is {0:0.#}% (under {1}%)", value, MinimumReputation));
            }

            if (stats?.DaysInWarmup is int days && days < MinimumWarmupDays)
            {
                low.Add($"it has warmed up for {days} days (under {MinimumWarmupDays})");
            }

            if (low.Count > 0)
            {
                add(ReadinessSeverity.Warning, "MailboxWarmupLow", $"{name}: {string.Join(" and ", low)}; its mail may land in spam.",
                    $"Let it warm up longer (Get-SmartleadWarmupStatistic -EmailAccountId {account.Id}), or send from a warmer mailbox.");
            }
        }
    }

    // CONNECTED (or not stated) can send; DISCONNECTED and ERROR cannot.
    private static bool Disconnected(SmartleadEmailAccount account) =>
        account.ConnectionStatus != null && !string.Equals(account.ConnectionStatus, "CONNECTED", StringComparison.OrdinalIgnoreCase);
}
