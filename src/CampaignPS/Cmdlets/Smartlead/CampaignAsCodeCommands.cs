using System.IO;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Writes a Smartlead campaign's whole configuration to a definition file (JSON) that a person can read and diff, and optionally its leads to a CSV file.</para>
/// <para type="description">Reads the campaign, its sequence with A/B variants, its mailboxes and its webhooks, and writes them as one JSON file: "kind": "SmartleadCampaign", "schemaVersion": 1, then name, settings, schedule, sequence, emailAccountIds and webhooks, always in that order with two-space indentation and \n line ends, so two exports diff line by line. The file holds no key and no id of the source account except the mailbox ids (emailAccountIds), which are only valid in the account that owns the mailboxes; replace them when the definition goes to another account. Sync-SmartleadCampaign applies the file: to create a copy (export, edit, apply) or to bring a campaign back to it. With -IncludeLeads the campaign's leads are written, page by page as they arrive, to a CSV file whose columns Add-SmartleadLead reads (email, first_name, ... and one column per custom field); leads are never part of the definition. -Path and -IncludeLeads may name an existing folder: each campaign then gets its own file, smartlead-campaign-ID.json and smartlead-campaign-ID-leads.csv, which is how several piped campaigns are exported. An existing file is replaced. Writes the definition file (FileInfo).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: export campaign 125 and its leads, then look at the definition.</para>
/// <code>
/// Export-SmartleadCampaign -CampaignId 125 -Path ./q1-cfo.json -IncludeLeads ./q1-cfo-leads.csv
/// Get-Content ./q1-cfo.json
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: keep every campaign's configuration in a git repository, one file per campaign, and commit what changed.</para>
/// <code>
/// Get-SmartleadCampaign | Export-SmartleadCampaign -Path ./campaigns
/// git -C ./campaigns add --all
/// git -C ./campaigns commit --message "Smartlead campaigns $(Get-Date -Format 'yyyy-MM-dd')"
/// </code>
/// </example>
/// <seealso cref="SyncSmartleadCampaignCommand"/>
/// <seealso cref="GetSmartleadCampaignCommand"/>
/// <seealso cref="AddSmartleadLeadCommand"/>
[Cmdlet(VerbsData.Export, "SmartleadCampaign")]
[OutputType(typeof(FileInfo))]
public sealed class ExportSmartleadCampaignCommand : DefinitionCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign to export; binds from the Id of Get-SmartleadCampaign output, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">The definition file to write, or an existing folder (each campaign is then written to smartlead-campaign-ID.json there).</para></summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Path { get; set; } = string.Empty;

    /// <summary><para type="description">Also write the campaign's leads to this CSV file (or existing folder: smartlead-campaign-ID-leads.csv), streamed page by page. Import-Csv FILE | Add-SmartleadLead puts them into a campaign.</para></summary>
    [Parameter]
    public string? IncludeLeads { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        if (!TryTarget(Path, $"smartlead-campaign-{campaignId}.json", "Path", campaignId, out string definitionPath))
        {
            return;
        }

        string? leadsPath = null;
        if (IncludeLeads != null && !TryTarget(IncludeLeads, $"smartlead-campaign-{campaignId}-leads.csv", "IncludeLeads", campaignId, out leadsPath))
        {
            return;
        }

        if (!TryAwait(token => SmartleadCampaignSnapshot.ReadAsync(smartlead, campaignId, token), campaignId, out SmartleadCampaignSnapshot snapshot))
        {
            return;
        }

        string json = SmartleadCampaignDefinition.FromLive(snapshot).ToJson();
        if (!TryWrite(definitionPath, json, campaignId))
        {
            return;
        }

        WriteVerbose($"Smartlead campaign {campaignId}: definition written to {definitionPath}.");
        if (leadsPath != null)
        {
            string target = leadsPath;
            if (TryAwait(token => SmartleadLeadCsv.ExportAsync(smartlead, campaignId, target, null, token), campaignId, out long leads))
            {
                WriteVerbose($"Smartlead campaign {campaignId}: {leads} leads written to {target}.");
            }
        }

        WriteObject(new FileInfo(definitionPath));
    }
}

/// <summary>
/// <para type="synopsis">Creates or updates a Smartlead campaign from a definition file: without -CampaignId it creates a campaign and configures it, with one it changes only what differs. -WhatIf lists the plan and sends nothing.</para>
/// <para type="description">Reads a definition file written by Export-SmartleadCampaign (or by hand): "kind": "SmartleadCampaign", "schemaVersion": 1, a name, and the sections settings, schedule, sequence, emailAccountIds and webhooks. A section that is left out or null is not managed and stays as the campaign has it; a section that is present is made to match (mailboxes and webhooks not in it are taken off the campaign). A file that does not match the schema (another kind or schema version, an unknown key, a missing required field, a value of the wrong type) is an error (SmartleadDefinitionInvalid) naming the JSON path, e.g. $.settings.maxLeadsPerDay, before any request. The engine then compares the definition with the live campaign (read with Get-SmartleadCampaign, Get-SmartleadSequence, Get-SmartleadEmailAccount and Get-SmartleadWebhook) and plans the requests, in order: create, settings, schedule, sequence, mailboxes, webhooks; every one is checked as Set-SmartleadSetting, Set-SmartleadSchedule, Set-SmartleadSequence and Set-SmartleadWebhook check their input, before the first is sent. With -WhatIf the plan is written as SmartleadPlanStep objects (Step, Action, Path, Old, New), one per difference, and nothing is sent; otherwise each request asks through ShouldProcess (ConfirmImpact Medium) and the campaign is written at the end. A sequence is saved whole; steps and variants at positions the campaign already has keep their ids. Smartlead's API cannot rename a campaign: a different name is a warning. -Name and -ClientId override the file's, for cloning a campaign for another client. Leads are never applied: pipe the CSV from Export-SmartleadCampaign -IncludeLeads to Add-SmartleadLead. The campaign's status is not part of the definition: start it with Start-SmartleadCampaign. If a request fails, the rest are not sent; run the command again with -CampaignId to finish.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: clone campaign 125 for another client: export, edit the name and mailboxes, see the plan, apply, add the leads.</para>
/// <code>
/// Export-SmartleadCampaign -CampaignId 125 -Path ./acme.json
/// code ./acme.json
/// Sync-SmartleadCampaign -Definition ./acme.json -WhatIf
/// $clone = Sync-SmartleadCampaign -Definition ./acme.json -ClientId 42
/// Import-Csv ./acme-leads.csv | Add-SmartleadLead -CampaignId $clone.Id
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: bring campaign 125 back to the definition kept in git, after looking at what differs.</para>
/// <code>
/// Sync-SmartleadCampaign -Definition ./campaigns/smartlead-campaign-125.json -CampaignId 125 -WhatIf | Format-Table -Property 'Step', 'Action', 'Path', 'Old', 'New'
/// Sync-SmartleadCampaign -Definition ./campaigns/smartlead-campaign-125.json -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one campaign per client from one template, with the name and client from clients.csv (Name and client_id columns).</para>
/// <code>
/// Import-Csv clients.csv | Sync-SmartleadCampaign -Definition ./template.json -ErrorVariable failed | Export-Csv created.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="ExportSmartleadCampaignCommand"/>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
[Cmdlet(VerbsData.Sync, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign), typeof(SmartleadPlanStep))]
public sealed class SyncSmartleadCampaignCommand : DefinitionCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The definition file (JSON), e.g. ./acme.json; binds from a Definition column of piped rows, so each row may name its own template.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("DefinitionPath")]
    public string Definition { get; set; } = string.Empty;

    /// <summary><para type="description">The campaign to update; without it a new campaign is created. Binds from the Id of a piped campaign.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long? CampaignId { get; set; }

    /// <summary><para type="description">The name of the campaign to create, instead of the file's name.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary><para type="description">The agency client to file a new campaign under, instead of the file's clientId.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_id")]
    public long? ClientId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        string path = Definition;
        long? campaignId = CampaignId;
        if (!TryReadDefinition(path, SmartleadCampaignDefinition.Parse, out SmartleadCampaignDefinition definition))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(Name))
        {
            definition.Name = Name!;
        }

        if (ClientId.HasValue)
        {
            definition.ClientId = ClientId;
        }

        SmartleadCampaignDefinition? current = null;
        if (campaignId.HasValue)
        {
            long id = campaignId.Value;
            if (!TryAwait(token => SmartleadCampaignSnapshot.ReadAsync(smartlead, id, token), id, out SmartleadCampaignSnapshot snapshot))
            {
                return;
            }

            current = SmartleadCampaignDefinition.FromLive(snapshot);
        }

        SmartleadCampaignPlan plan = SmartleadCampaignDiffer.Plan(definition, current);
        if (!TryValidate(plan.Validate, path))
        {
            return;
        }

        foreach (string warning in plan.Warnings)
        {
            WriteWarning("Smartlead: " + warning);
        }

        if (plan.IsEmpty)
        {
            WriteVerbose($"Smartlead campaign {campaignId}: already matches {path}; nothing to send.");
            if (!WhatIfRequested())
            {
                WriteCampaign(smartlead, campaignId!.Value);
            }

            return;
        }

        if (WhatIfRequested())
        {
            WritePlan(plan.Create?.Name, plan.Requests, Target(campaignId), plan.Steps);
            return;
        }

        long target;
        if (plan.Create != null)
        {
            NewSmartleadCampaign create = plan.Create;
            if (!ConfirmCreate(create.Name!) ||
                !TryAwait(token => smartlead.CreateCampaignAsync(create, token), path, out SmartleadCampaign created))
            {
                return;
            }

            target = created.Id;
            WriteVerbose($"Smartlead campaign {target} created from {path}.");
        }
        else
        {
            target = campaignId!.Value;
        }

        if (TrySend(smartlead, plan.Requests, target, Target(target), path, $"Sync-SmartleadCampaign -Definition '{path}' -CampaignId {target}"))
        {
            WriteCampaign(smartlead, target);
        }
    }

    private void WriteCampaign(SmartleadClient smartlead, long campaignId)
    {
        if (TryAwait(token => smartlead.GetCampaignAsync(campaignId, token), campaignId, out SmartleadCampaign campaign))
        {
            WriteObject(campaign);
        }
    }

    private static string Target(long? campaignId) => campaignId.HasValue ? $"Smartlead campaign {campaignId}" : "the new Smartlead campaign";
}
