using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Gets a Smartlead campaign's webhooks: where Smartlead posts which events.</para>
/// <para type="description">Reads GET /campaigns/{id}/webhooks (the docs site's campaign webhook page; the API reference has only account-level webhooks). -WebhookId picks one. Each webhook pipes into Set-SmartleadWebhook and Remove-SmartleadWebhook; campaigns pipe in from Get-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list campaign 125's webhooks.</para>
/// <code>
/// Get-SmartleadWebhook -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: find the active campaigns that have no webhook reporting replies.</para>
/// <code>
/// Get-SmartleadCampaign | Where-Object Status -eq 'ACTIVE' | Where-Object { -not (Get-SmartleadWebhook -CampaignId $_.Id | Where-Object EventTypes -contains 'Replied') }
/// </code>
/// </example>
/// <seealso cref="NewSmartleadWebhookCommand"/>
/// <seealso cref="SetSmartleadWebhookCommand"/>
/// <seealso cref="RemoveSmartleadWebhookCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadWebhook")]
[OutputType(typeof(SmartleadWebhook))]
public sealed class GetSmartleadWebhookCommand : SmartleadCampaignReadCmdlet
{
    /// <summary><para type="description">Only this webhook; a campaign without it is reported as SmartleadWebhookNotFound.</para></summary>
    [Parameter(Position = 1)]
    [Alias("webhook_id")]
    [ArgumentCompleter(typeof(SmartleadWebhookCompleter))]
    public long? WebhookId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        long? webhookId = WebhookId;
        Read(smartlead.Webhooks.GetAsync, webhooks =>
        {
            var selected = webhooks.Where(w => webhookId == null || w.Id == webhookId).ToList();
            if (webhookId.HasValue && selected.Count == 0)
            {
                Report(new Engine.Errors.CampaignApiException(new Engine.Errors.ApiFailure(Engine.Platforms.Platform.Smartlead, "SmartleadWebhookNotFound", Engine.Errors.FailureCategory.ObjectNotFound,
                    $"Smartlead: campaign {campaignId} has no webhook {webhookId}. Leave -WebhookId out to list its webhooks.")), webhookId);
                return;
            }

            WriteObject(selected, enumerateCollection: true);
        });
    }
}

/// <summary>Base of the cmdlets that write a campaign webhook: its name, address, events and the names to send them by.</summary>
public abstract class SmartleadWebhookCmdlet : BulkCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The webhook's name, e.g. 'CRM replies'.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Name { get; set; }

    /// <summary><para type="description">The https address Smartlead posts the events to (plain http only for loopback tests).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("webhook_url")]
    [AllowEmptyString]
    public string? Url { get; set; }

    /// <summary><para type="description">The events to report, e.g. Replied, Bounced, Unsubscribed (tab completes them).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EventTypes", "event_types")]
    public SmartleadWebhookEvent[]? EventType { get; set; }

    /// <summary><para type="description">Which event names to send where documents differ: ApiReference (LEAD_REPLIED, default) or EventsReference (EMAIL_REPLY).</para></summary>
    [Parameter]
    public SmartleadWebhookVocabulary Vocabulary { get; set; }

    /// <summary>This record's fields as a change: what was not given is null.</summary>
    protected SmartleadWebhookChange Change() => new SmartleadWebhookChange
    {
        Name = this.IsGiven(nameof(Name)) ? Name : null,
        Url = this.IsGiven(nameof(Url)) ? Url : null,
        EventTypes = this.IsGiven(nameof(EventType)) ? EventType ?? Array.Empty<SmartleadWebhookEvent>() : null,
        Vocabulary = Vocabulary,
    };
}

/// <summary>
/// <para type="synopsis">Creates a webhook on a Smartlead campaign, so replies, bounces and other events reach a CRM or an automation.</para>
/// <para type="description">Sends POST /campaigns/{id}/webhooks with "id": null (the docs site's save-webhooks page). -Name, -Url (https) and -EventType are all required; events are an enum (Replied, Bounced, Opened, Clicked, Unsubscribed, Sent, CategoryUpdated, ...) with tab completion. A create is never sent twice: when the answer does not carry the new webhook's id, the outcome is reported as SmartleadOutcomeUnknown (check with Get-SmartleadWebhook). Writes the webhook.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: post replies and bounces of campaign 125 to the CRM.</para>
/// <code>
/// New-SmartleadWebhook -CampaignId 125 -Name 'CRM replies' -Url 'https://crm.example.com/smartlead' -EventType Replied, Bounced
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: the same webhook on every active campaign.</para>
/// <code>
/// Get-SmartleadCampaign | Where-Object Status -eq 'ACTIVE' | New-SmartleadWebhook -Name 'CRM replies' -Url 'https://crm.example.com/smartlead' -EventType Replied, Bounced, Unsubscribed
/// </code>
/// </example>
/// <seealso cref="GetSmartleadWebhookCommand"/>
/// <seealso cref="SetSmartleadWebhookCommand"/>
[Cmdlet(VerbsCommon.New, "SmartleadWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadWebhook))]
public sealed class NewSmartleadWebhookCommand : SmartleadWebhookCmdlet
{
    /// <summary><para type="description">The campaign; binds from the Id of a piped campaign.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        SmartleadWebhookChange webhook = Change();
        Submit(campaignId, () =>
            {
                SmartleadIds.Check("CampaignId", campaignId);
                webhook.Validate(isNew: true);
            },
            () => Confirm.Change($"Smartlead campaign {campaignId}", $"Create Smartlead webhook '{webhook.Name}' ({string.Join(", ", webhook.EventTypes ?? Array.Empty<SmartleadWebhookEvent>())})"),
            token => smartlead.Webhooks.CreateAsync(campaignId, webhook, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Changes a Smartlead campaign webhook: its name, address or events.</para>
/// <para type="description">Sends POST /campaigns/{id}/webhooks with the webhook's id. Only what is given changes: the page requires name, url and events together, so the others are read from the server first (piped webhooks carry them). Repeating an update is harmless, so it is retried like a read. -PassThru writes the webhook read back from Smartlead afterwards.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: point webhook 9001 of campaign 125 at the new CRM address.</para>
/// <code>
/// Set-SmartleadWebhook -CampaignId 125 -WebhookId 9001 -Url 'https://crm2.example.com/smartlead' -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: add unsubscribes to every webhook of campaign 125 that reports replies.</para>
/// <code>
/// Get-SmartleadWebhook -CampaignId 125 | Where-Object EventTypes -contains 'Replied' | ForEach-Object {
///     $_ | Set-SmartleadWebhook -EventType (@($_.EventTypes) + 'Unsubscribed')
/// }
/// </code>
/// </example>
/// <seealso cref="GetSmartleadWebhookCommand"/>
/// <seealso cref="NewSmartleadWebhookCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadWebhook))]
public sealed class SetSmartleadWebhookCommand : SmartleadWebhookCmdlet
{
    /// <summary><para type="description">The campaign; binds from the CampaignId of a piped webhook.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">The webhook to change; binds from the Id of Get-SmartleadWebhook output.</para></summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "webhook_id")]
    [ArgumentCompleter(typeof(SmartleadWebhookCompleter))]
    public long WebhookId { get; set; }

    /// <summary><para type="description">Write the changed webhook, read back from Smartlead.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        long webhookId = WebhookId;
        bool passThru = PassThru.IsPresent;
        SmartleadWebhookChange change = Change();
        Submit(webhookId, () =>
            {
                SmartleadIds.Check("CampaignId", campaignId);
                SmartleadIds.Check("WebhookId", webhookId);
                change.Validate(isNew: false);
            },
            () => Confirm.Change($"Smartlead webhook {webhookId} of campaign {campaignId}", "Change Smartlead webhook"),
            async token =>
            {
                SmartleadWebhook sent = await smartlead.Webhooks.UpdateAsync(campaignId, webhookId, change, token).ConfigureAwait(false);

                // -PassThru writes the webhook as the server then lists it, not what was sent (DESIGN.md rule 10).
                return passThru ? await smartlead.Webhooks.GetOneAsync(campaignId, webhookId, token).ConfigureAwait(false) : sent;
            },
            webhook =>
            {
                if (passThru)
                {
                    WriteObject(webhook);
                }
            });
    }
}

/// <summary>
/// <para type="synopsis">Deletes a Smartlead campaign webhook: Smartlead stops posting its events.</para>
/// <para type="description">Sends DELETE /campaigns/{id}/webhooks/{webhook_id}. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. Pipe webhooks from Get-SmartleadWebhook. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: delete webhook 9001 of campaign 125 (it asks first).</para>
/// <code>
/// Remove-SmartleadWebhook -CampaignId 125 -WebhookId 9001
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: remove every webhook that still points at the old CRM, without prompting.</para>
/// <code>
/// Get-SmartleadCampaign | Get-SmartleadWebhook | Where-Object Url -like 'https://old-crm.example.com/*' | Remove-SmartleadWebhook -Force
/// </code>
/// </example>
/// <seealso cref="GetSmartleadWebhookCommand"/>
/// <seealso cref="NewSmartleadWebhookCommand"/>
[Cmdlet(VerbsCommon.Remove, "SmartleadWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveSmartleadWebhookCommand : BulkCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign; binds from the CampaignId of a piped webhook.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">The webhook; binds from the Id of a piped webhook.</para></summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "webhook_id")]
    [ArgumentCompleter(typeof(SmartleadWebhookCompleter))]
    public long WebhookId { get; set; }

    /// <summary><para type="description">Delete without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        long webhookId = WebhookId;
        Submit(webhookId, () =>
            {
                SmartleadIds.Check("CampaignId", campaignId);
                SmartleadIds.Check("WebhookId", webhookId);
            },
            () => Confirm.UnlessForced($"Smartlead webhook {webhookId} of campaign {campaignId}", "Delete Smartlead webhook", Force.IsPresent),
            async token =>
            {
                await smartlead.Webhooks.DeleteAsync(campaignId, webhookId, token).ConfigureAwait(false);
                return true;
            },
            _ => { });
    }
}
