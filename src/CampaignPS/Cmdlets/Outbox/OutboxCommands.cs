using CampaignPS.Engine.Outbox;

namespace CampaignPS.Cmdlets.Outbox;

/// <summary>
/// <para type="synopsis">Creates an Outbox email campaign.</para>
/// <para type="description">One campaign per input record. -AllowedWindow takes sending windows such as 'Mon-Fri 09:00-17:00' (sent as [{"day":"monday","start":"09:00","end":"17:00"}, ...], since Outbox does not document the field's shape). A campaign created as Active starts sending, so then the cmdlet asks for confirmation unless -Force or -Confirm:$false. The output carries the steps, sender identities and counters (read as numbers although Outbox sends them as strings).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create a sender, then a draft campaign that sends from it on weekdays and Saturday mornings, Berlin time.</para>
/// <code>
/// $sender = New-OutboxSender -FromEmail jsmith@example.com -FromName 'Jo Smith'
/// New-OutboxCampaign -Name 'Spring outreach' -SenderIdentityId $sender.Id -TimeZone 'Europe/Berlin' -AllowedWindow 'Mon-Fri 09:00-17:00', 'Sat 10:00-12:00' -StopOnReply
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one draft per row of campaigns.csv (Name, Description and TimeZone columns), all sending from the sender of example 1 ($sender), in input order.</para>
/// <code>
/// Import-Csv campaigns.csv | New-OutboxCampaign -SenderIdentityId $sender.Id -AllowedWindow 'Mon-Fri 09:00-17:00' -StopOnReply -ErrorVariable failed
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: create a campaign that starts sending at once; -Force answers the confirmation that an Active campaign asks for ($sender as in example 1).</para>
/// <code>
/// New-OutboxCampaign -Name 'Webinar follow-up' -SenderIdentityId $sender.Id -Status Active -Force
/// </code>
/// </example>
/// <seealso cref="NewOutboxSenderCommand"/>
/// <seealso cref="AddOutboxContactCommand"/>
/// <seealso cref="ConnectOutboxCommand"/>
[Cmdlet(VerbsCommon.New, "OutboxCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OutboxCampaign))]
public sealed class NewOutboxCampaignCommand : BulkCmdlet<OutboxClient>
{
    /// <summary><para type="description">The campaign name, 1 to 255 characters.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">The company (uuid); defaults to Connect-Outbox -Company.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Guid? Company { get; set; }

    /// <summary><para type="description">The sender pool: sender identity ids (uuids), e.g. from New-OutboxSender.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("sender_identity_ids")]
    public Guid[] SenderIdentityId { get; set; } = Array.Empty<Guid>();

    /// <summary><para type="description">Description.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary><para type="description">IANA time zone, e.g. America/New_York (at most 64 characters).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string? TimeZone { get; set; }

    /// <summary><para type="description">Sending windows, e.g. 'Mon-Fri 09:00-17:00', 'Sat 10:00-12:00'.</para></summary>
    [Parameter]
    public OutboxSendingWindow[] AllowedWindow { get; set; } = Array.Empty<OutboxSendingWindow>();

    /// <summary><para type="description">Stop the sequence for a contact who replies.</para></summary>
    [Parameter]
    public SwitchParameter StopOnReply { get; set; }

    /// <summary><para type="description">Initial status: Draft (default), Active, Paused, Completed or Cancelled.</para></summary>
    [Parameter]
    public OutboxCampaignStatus Status { get; set; } = OutboxCampaignStatus.Draft;

    /// <summary><para type="description">The workflow (uuid).</para></summary>
    [Parameter]
    public Guid? Workflow { get; set; }

    /// <summary><para type="description">The responder agent (uuid).</para></summary>
    [Parameter]
    public Guid? ResponderAgent { get; set; }

    /// <summary><para type="description">With -Status Active: create without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(OutboxClient outbox)
    {
        var request = new NewOutboxCampaign
        {
            Name = Name,
            Company = Company,
            SenderIdentityIds = SenderIdentityId,
            Description = Given(Description),
            TimeZone = Given(TimeZone),
            AllowedWindows = AllowedWindow,
            StopOnReply = this.SwitchGiven(nameof(StopOnReply), StopOnReply),
            Status = Status,
            Workflow = Workflow,
            ResponderAgent = ResponderAgent,
        };
        bool force = Force.IsPresent;
        Submit(request, () => request.Validate(outbox.DefaultCompany),
            () => request.Status == OutboxCampaignStatus.Active
                ? Confirm.Send($"Outbox campaign '{request.Name}'", "Create active Outbox campaign (starts sending)", force)
                : Confirm.Change($"Outbox campaign '{request.Name}'", "Create Outbox campaign"),
            token => outbox.CreateCampaignAsync(request, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Creates an Outbox sender identity (a from address).</para>
/// <para type="description">Creates a from address for the company given with -Company, or the one set by Connect-Outbox -Company. One sender per input record: pipe Import-Csv rows with from_email, from_name and reply_to_email (or FromEmail, FromName, ReplyToEmail) columns; a bad row is reported and the rest go on. Use the output's Id with New-OutboxCampaign -SenderIdentityId.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create the company's default sender.</para>
/// <code>
/// $sender = New-OutboxSender -FromEmail jsmith@example.com -FromName 'Jo Smith' -ReplyToEmail replies@example.com -IsDefault
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: create the senders listed in senders.csv, four at a time, and keep their ids.</para>
/// <code>
/// Import-Csv senders.csv | New-OutboxSender -ThrottleLimit 4 | Export-Csv sender-ids.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="NewOutboxCampaignCommand"/>
/// <seealso cref="ConnectOutboxCommand"/>
[Cmdlet(VerbsCommon.New, "OutboxSender", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OutboxSender))]
public sealed class NewOutboxSenderCommand : BulkCmdlet<OutboxClient>
{
    /// <summary><para type="description">The from address.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("from_email", "Email")]
    [AllowEmptyString]
    public string FromEmail { get; set; } = string.Empty;

    /// <summary><para type="description">The from name.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("from_name")]
    public string? FromName { get; set; }

    /// <summary><para type="description">The reply-to address.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("reply_to_email")]
    public string? ReplyToEmail { get; set; }

    /// <summary><para type="description">The company (uuid); defaults to Connect-Outbox -Company.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Guid? Company { get; set; }

    /// <summary><para type="description">Use the company's default reply-to address.</para></summary>
    [Parameter]
    public SwitchParameter UseDefaultReplyTo { get; set; }

    /// <summary><para type="description">Make this the company's default sender.</para></summary>
    [Parameter]
    public SwitchParameter IsDefault { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(OutboxClient outbox)
    {
        var request = new NewOutboxSender
        {
            FromEmail = FromEmail,
            FromName = Given(FromName),
            ReplyToEmail = Given(ReplyToEmail),
            Company = Company,
            UseDefaultReplyTo = this.SwitchGiven(nameof(UseDefaultReplyTo), UseDefaultReplyTo),
            IsDefault = this.SwitchGiven(nameof(IsDefault), IsDefault),
        };
        Submit(request, () => request.Validate(outbox.DefaultCompany),
            () => Confirm.Change($"Outbox sender {request.FromEmail}", "Create Outbox sender"),
            token => outbox.CreateSenderAsync(request, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Creates or updates Outbox contacts (Outbox matches existing contacts by e-mail or phone).</para>
/// <para type="description">Contacts come from the pipeline (Import-Csv rows, hashtables, objects). Columns full_name (or FirstName and LastName), email, phone_number, business_name, notes, tags, is_dnd and lead_source map to Outbox's fields in any spelling; other columns are sent as custom fields. Each contact needs an email or a phone number; lead_source must be manual, api, webhook, facebook, instagram or import. A bad row is reported with its row number and the rest go on.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create (or update) one contact and show what was sent.</para>
/// <code>
/// Add-OutboxContact -Contact @{ full_name = 'Ada Lovelace'; email = 'ada@example.com'; business_name = 'Analytical Engines' } -Tag 'vip' -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: upsert every row of contacts.csv, tagging them and marking where they came from; rows without an email or phone number are reported with their row number.</para>
/// <code>
/// Import-Csv contacts.csv | Add-OutboxContact -Tag 'spring', 'webinar' -LeadSource Import -ThrottleLimit 4 -ErrorVariable failed
/// $failed | ForEach-Object { $_.Exception.Message }
/// </code>
/// </example>
/// <seealso cref="NewOutboxCampaignCommand"/>
/// <seealso cref="ConnectOutboxCommand"/>
[Cmdlet(VerbsCommon.Add, "OutboxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OutboxContact))]
public sealed class AddOutboxContactCommand : BulkChangeCmdlet<OutboxClient>
{
    private long _row;

    /// <summary><para type="description">The contacts: Import-Csv rows, hashtables or objects.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[] Contact { get; set; } = Array.Empty<object>();

    /// <summary><para type="description">Tags added to every contact.</para></summary>
    [Parameter]
    public string[] Tag { get; set; } = Array.Empty<string>();

    /// <summary><para type="description">Lead source for contacts that have none.</para></summary>
    [Parameter]
    public OutboxLeadSource? LeadSource { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(OutboxClient outbox)
    {
        foreach (object item in Contact ?? Array.Empty<object>())
        {
            long row = ++_row;
            OutboxContact? contact = null;
            Submit(item,
                () =>
                {
                    contact = OutboxContact.FromFields(PowerShellRecords.Fields(item), row, Tag, LeadSource);
                    contact.Source = item;
                },
                () => Confirm.Change($"Outbox contact {contact!.Email ?? contact.PhoneNumber}", "Create or update Outbox contact"),
                async token =>
                {
                    await outbox.UpsertContactAsync(contact!, token).ConfigureAwait(false);
                    return contact!;
                },
                WriteIfPassThru,
                journalRow: item);
        }
    }

    /// <inheritdoc />
    protected override bool JournalResendsUnknown => true;
}
