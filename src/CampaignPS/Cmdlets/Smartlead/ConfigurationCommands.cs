using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Sets a Smartlead campaign's sequence: the first email and its follow-ups.</para>
/// <para type="description">Steps are hashtables (or objects) with Subject, Body and DelayDays, numbered in the order given, or the steps Get-SmartleadSequence writes (get, change, set). The first step needs a subject; DelayDays is 0 to 365. A step's Variants are its A/B versions (seq_variants): hashtables with Label, Subject (empty: the step's), Body and Distribution, the share of the step's leads in percent, given for every variant and adding up to 100, or for none (an even split); they are checked before anything is sent. Steps read from this campaign keep their ids and are updated in place. The sequence of an ACTIVE campaign cannot change: pause it first.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: a first email and a follow-up three days later.</para>
/// <code>
/// $steps = @(
///     @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}, are you the right person for this?'; DelayDays = 0 }
///     @{ Subject = ''; Body = 'Following up on my note.'; DelayDays = 3 }
/// )
/// Set-SmartleadSequence -CampaignId 125 -Step $steps
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: give every campaign listed in campaigns.csv (a campaign_id column) the same sequence. An ACTIVE campaign is reported as SmartleadCampaignActive (pause it first) and the rest go on.</para>
/// <code>
/// $steps = @(
///     @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}, are you the right person for this?'; DelayDays = 0 }
///     @{ Subject = ''; Body = 'Following up on my note.'; DelayDays = 3 }
/// )
/// Import-Csv campaigns.csv | Set-SmartleadSequence -Step $steps -ErrorVariable failed
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: an A/B test of the first email's subject, half of the leads each.</para>
/// <code>
/// $steps = @(
///     @{ Body = 'Hi {{first_name}}, are you the right person for this?'; DelayDays = 0; Variants = @(
///         @{ Label = 'A'; Subject = 'Quick question'; Body = 'Hi {{first_name}}, are you the right person for this?'; Distribution = 50 }
///         @{ Label = 'B'; Subject = 'Who handles outreach at {{company_name}}?'; Body = 'Hi {{first_name}}, are you the right person for this?'; Distribution = 50 }) }
///     @{ Subject = ''; Body = 'Following up on my note.'; DelayDays = 3 }
/// )
/// Set-SmartleadSequence -CampaignId 125 -Step $steps
/// </code>
/// </example>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="GetSmartleadSequenceCommand"/>
/// <seealso cref="SuspendSmartleadCampaignCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadSequence", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class SetSmartleadSequenceCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">The steps, e.g. @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}'; DelayDays = 0 }, @{ Subject = ''; Body = 'Following up'; DelayDays = 3 }, or Get-SmartleadSequence output. A step's Variants key holds its A/B versions.</para></summary>
    [Parameter(Mandatory = true)]
    public object[] Step { get; set; } = Array.Empty<object>();

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        List<SmartleadSequenceStep> steps = new List<SmartleadSequenceStep>();
        Apply(smartlead,
            () =>
            {
                steps = Step.Select(ToStep).ToList();
                SmartleadSequenceStep.ValidateSequence(steps);
            },
            () => Confirm.Change(Target, $"Set Smartlead sequence ({steps.Count} steps)"),
            (id, token) => smartlead.SetSequenceAsync(id, steps, token));
    }

    private static SmartleadSequenceStep ToStep(object item, int index) =>
        PowerShellRecords.Unwrap(item) is SmartleadSequenceStep typed
            ? new SmartleadSequenceStep { Subject = typed.Subject, Body = typed.Body, DelayDays = typed.DelayDays, Variants = typed.Variants, Id = typed.Id, CampaignId = typed.CampaignId }
            : SmartleadSequenceStep.FromFields(PowerShellRecords.Fields(item).Select(VariantFields), index + 1);

    // The engine reads variants given as hashtables or objects from their fields; PowerShell's wrappers are taken off here.
    // Anything else (null, text, numbers) goes on as it is, for the engine to name as not a variant.
    private static KeyValuePair<string, object?> VariantFields(KeyValuePair<string, object?> field) =>
        FieldNames.Normalize(field.Key) is "variants" or "seqvariants" && field.Value is System.Collections.IEnumerable items && field.Value is not string
            ? new KeyValuePair<string, object?>(field.Key, items.Cast<object?>().Select(VariantItem).ToList())
            : field;

    private static object? VariantItem(object? item) =>
        PowerShellRecords.Unwrap(item) is { } plain && (plain is System.Collections.IDictionary || plain is PSObject || !(plain is string || plain is SmartleadSequenceVariant || plain.GetType().IsPrimitive))
            ? PowerShellRecords.Fields(item!)
            : PowerShellRecords.Unwrap(item);
}

/// <summary>
/// <para type="synopsis">Adds sending email accounts (mailboxes) to a Smartlead campaign.</para>
/// <para type="description">Adds the sending mailboxes (by their Smartlead email account ids) to the campaign; Start-SmartleadCampaign needs at least one. The campaign binds from the pipeline (Id or campaign_id), and -PassThru writes it on for the next configuration step.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: add two mailboxes to a campaign.</para>
/// <code>
/// Add-SmartleadEmailAccount -CampaignId 125 -EmailAccountId 456, 457
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: add the same mailboxes to every Q1 campaign; -PassThru writes each campaign as Smartlead now has it.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Add-SmartleadEmailAccount -EmailAccountId 456, 457 -PassThru | Format-Table -Property 'Id', 'Name', 'Status'
/// </code>
/// </example>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Add, "SmartleadEmailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class AddSmartleadEmailAccountCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">The email account ids, e.g. 456, 457.</para></summary>
    [Parameter(Mandatory = true)]
    [Alias("email_account_ids")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long[] EmailAccountId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long[] accounts = EmailAccountId;
        Apply(smartlead, NothingToCheck,
            () => Confirm.Change(Target, $"Add Smartlead email accounts {string.Join(", ", accounts)}"),
            (id, token) => smartlead.AddEmailAccountsAsync(id, accounts, token));
    }
}

/// <summary>
/// <para type="synopsis">Sets when a Smartlead campaign sends: time zone, days and hours.</para>
/// <para type="description">The time zone is an IANA name such as America/New_York; days are Sunday to Saturday; hours are 0 to 23 with the start before the end.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: send Monday to Thursday, 09:00 to 17:00 New York time.</para>
/// <code>
/// Set-SmartleadSchedule -CampaignId 125 -TimeZone 'America/New_York' -Day 'Monday', 'Tuesday', 'Wednesday', 'Thursday' -StartHour 9 -EndHour 17
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: the same working-week schedule, with 10 minutes between emails, for every campaign of one client.</para>
/// <code>
/// Get-SmartleadCampaign -ClientId 42 | Set-SmartleadSchedule -TimeZone 'Europe/Berlin' -Day 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday' -StartHour 8 -EndHour 16 -MinTimeBetweenEmails 10
/// </code>
/// </example>
/// <seealso cref="SetSmartleadSettingCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class SetSmartleadScheduleCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">IANA time zone, e.g. America/New_York or Europe/Berlin.</para></summary>
    [Parameter(Mandatory = true)]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string TimeZone { get; set; } = string.Empty;

    /// <summary><para type="description">Sending days, e.g. Monday, Tuesday, Wednesday, Thursday.</para></summary>
    [Parameter(Mandatory = true)]
    public DayOfWeek[] Day { get; set; } = Array.Empty<DayOfWeek>();

    /// <summary><para type="description">First sending hour, 0 to 23.</para></summary>
    [Parameter(Mandatory = true)]
    public int StartHour { get; set; }

    /// <summary><para type="description">Hour sending stops, 0 to 23, after -StartHour.</para></summary>
    [Parameter(Mandatory = true)]
    public int EndHour { get; set; }

    /// <summary><para type="description">Minimum minutes between two emails.</para></summary>
    [Parameter]
    public int? MinTimeBetweenEmails { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        var schedule = new SmartleadSchedule { TimeZone = TimeZone, Days = Day, StartHour = StartHour, EndHour = EndHour, MinTimeBetweenEmails = MinTimeBetweenEmails };
        Apply(smartlead, schedule.Validate,
            () => Confirm.Change(Target, $"Set Smartlead schedule {schedule.TimeZone} {string.Join(",", schedule.Days)} {schedule.StartHour}:00-{schedule.EndHour}:00"),
            (id, token) => smartlead.SetScheduleAsync(id, schedule, token));
    }
}

/// <summary>
/// <para type="synopsis">Changes a Smartlead campaign's settings: tracking, when leads stop, unsubscribe text, plain text, follow-up share, leads per day.</para>
/// <para type="description">Only the settings given are sent, all of them fields of the API reference's CampaignSettings (which has no client: give -ClientId to New-SmartleadCampaign). Tracking switches not given stay on. Values are sent in the API reference's vocabulary; -Vocabulary Docs sends the docs site's (for servers that reject the reference's values).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: stop following up when a lead replies, switch open tracking off and add unsubscribe text.</para>
/// <code>
/// Set-SmartleadSetting -CampaignId 125 -StopLeadOn Reply -TrackOpen:$false -UnsubscribeText 'Reply STOP to opt out.'
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: for an account whose server expects the docs site's values, send those instead of the API reference's.</para>
/// <code>
/// Set-SmartleadSetting -CampaignId 125 -TrackClick:$false -StopLeadOn Click -Vocabulary Docs
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: cap new leads per day and send plain text for every campaign listed in campaigns.csv (a campaign_id column).</para>
/// <code>
/// Import-Csv campaigns.csv | Set-SmartleadSetting -MaxLeadsPerDay 50 -FollowUpPercentage 80 -PlainText
/// </code>
/// </example>
/// <seealso cref="SetSmartleadScheduleCommand"/>
/// <seealso cref="SetSmartleadSequenceCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class SetSmartleadSettingCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">Track opens; -TrackOpen:$false switches open tracking off.</para></summary>
    [Parameter]
    public SwitchParameter TrackOpen { get; set; }

    /// <summary><para type="description">Track link clicks; -TrackClick:$false switches it off.</para></summary>
    [Parameter]
    public SwitchParameter TrackClick { get; set; }

    /// <summary><para type="description">Track replies (docs vocabulary only); -TrackReply:$false switches it off.</para></summary>
    [Parameter]
    public SwitchParameter TrackReply { get; set; }

    /// <summary><para type="description">When a lead stops receiving follow-ups: Reply, Click, Open or Never.</para></summary>
    [Parameter]
    public SmartleadStopCondition? StopLeadOn { get; set; }

    /// <summary><para type="description">Unsubscribe text added to each email.</para></summary>
    [Parameter]
    [AllowEmptyString]
    public string? UnsubscribeText { get; set; }

    /// <summary><para type="description">Send as plain text (-PlainText:$false for HTML).</para></summary>
    [Parameter]
    public SwitchParameter PlainText { get; set; }

    /// <summary><para type="description">Share of leads that get follow-ups, 0 to 100.</para></summary>
    [Parameter]
    public int? FollowUpPercentage { get; set; }

    /// <summary><para type="description">New leads contacted per day at most.</para></summary>
    [Parameter]
    public int? MaxLeadsPerDay { get; set; }

    /// <summary><para type="description">Let Smartlead match sender and recipient mail providers.</para></summary>
    [Parameter]
    public SwitchParameter AiEspMatching { get; set; }

    /// <summary><para type="description">Which documented enum vocabulary to send: ApiReference (default) or Docs.</para></summary>
    [Parameter]
    public SmartleadVocabulary Vocabulary { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        var settings = new SmartleadSettings
        {
            TrackOpen = this.SwitchGiven(nameof(TrackOpen), TrackOpen),
            TrackClick = this.SwitchGiven(nameof(TrackClick), TrackClick),
            TrackReply = this.SwitchGiven(nameof(TrackReply), TrackReply),
            StopLeadOn = StopLeadOn,
            UnsubscribeText = UnsubscribeText,
            PlainText = this.SwitchGiven(nameof(PlainText), PlainText),
            FollowUpPercentage = FollowUpPercentage,
            MaxLeadsPerDay = MaxLeadsPerDay,
            AiEspMatching = this.SwitchGiven(nameof(AiEspMatching), AiEspMatching),
            Vocabulary = Vocabulary,
        };
        Apply(smartlead, settings.Validate,
            () => Confirm.Change(Target, "Change Smartlead campaign settings"),
            (id, token) => smartlead.SetSettingsAsync(id, settings, token));
    }
}
