using System.IO;
using CampaignPS.Engine.Loops;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Writes a Loops campaign's configuration (name, audience, campaign group and email message) to a definition file (JSON) that a person can read and diff.</para>
/// <para type="description">Reads the campaign, its email message, and the team's mailing lists, audience segments and campaign groups, and writes one JSON file: "kind": "LoopsCampaign", "schemaVersion": 1, then name, mailingList, audienceSegment, audienceFilter, campaignGroup and emailMessage (subject, previewText, fromName, fromEmail, replyToEmail, lmx), always in that order with two-space indentation and \n line ends, so two exports diff line by line. The mailing list, segment and group are written by name, not id, so the file applies in another team that has lists and groups of the same names (an id the team does not know is written as it is). A field the campaign does not have yet is written as null, which Sync-LoopsCampaign leaves alone. The file holds no key, no campaign id and no content revision. When or whether the campaign sends is not part of it: scheduling sends mail, so it stays with Set-LoopsCampaign -ScheduleAt or -SendNow. Sync-LoopsCampaign applies the file: to create a copy (export, edit, apply) or to bring a campaign back to it. -Path may name an existing folder: each campaign then gets its own file, loops-campaign-ID.json, which is how several piped campaigns are exported. An existing file is replaced. A campaign that cannot be read is reported as LoopsCampaignNotFound and the next one goes on. Writes the definition file (FileInfo).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: export one campaign and look at the definition.</para>
/// <code>
/// Export-LoopsCampaign -CampaignId cmp_123 -Path ./spring.json
/// Get-Content ./spring.json
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: keep every campaign's configuration in a git repository, one file per campaign, and commit what changed.</para>
/// <code>
/// Get-LoopsCampaign -All | Export-LoopsCampaign -Path ./campaigns
/// git -C ./campaigns add --all
/// git -C ./campaigns commit --message "Loops campaigns $(Get-Date -Format 'yyyy-MM-dd')"
/// </code>
/// </example>
/// <seealso cref="SyncLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsData.Export, "LoopsCampaign")]
[OutputType(typeof(FileInfo))]
public sealed class ExportLoopsCampaignCommand : DefinitionCmdlet<LoopsClient>
{
    private LoopsNames? _names;

    /// <summary><para type="description">The campaign to export; binds from the Id of Get-LoopsCampaign output, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">The definition file to write, or an existing folder (each campaign is then written to loops-campaign-ID.json there).</para></summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Path { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        string campaignId = CampaignId;
        if (!TryTarget(Path, $"loops-campaign-{FileSafe(campaignId)}.json", "Path", campaignId, out string definitionPath) ||
            !TryAwait(token => LoopsCampaignSnapshot.ReadAsync(loops, campaignId, token), campaignId, out LoopsCampaignSnapshot snapshot) ||
            !TryReadOnce(ref _names, token => LoopsNames.ReadAsync(loops, token), campaignId, out LoopsNames names))
        {
            return;
        }

        if (!TryWrite(definitionPath, LoopsCampaignDefinition.FromLive(snapshot, names).ToJson(), campaignId))
        {
            return;
        }

        WriteVerbose($"Loops campaign {campaignId}: definition written to {definitionPath}.");
        WriteObject(new FileInfo(definitionPath));
    }


    // A campaign id becomes part of a file name: characters no file name may hold are replaced.
    private static string FileSafe(string id) =>
        new string(id.Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) || c == '\\' ? '_' : c).ToArray());
}

/// <summary>
/// <para type="synopsis">Creates or updates a Loops campaign from a definition file: without -CampaignId it creates a draft campaign and writes its email message, with one it changes only what differs. -WhatIf lists the plan and sends nothing. It never schedules or sends a campaign.</para>
/// <para type="description">Reads a definition file written by Export-LoopsCampaign (or by hand): "kind": "LoopsCampaign", "schemaVersion": 1, a name, and mailingList, audienceSegment, audienceFilter, campaignGroup and emailMessage. A key that is left out or null is not managed and stays as the campaign has it. A file that does not match the schema (another kind or schema version, an unknown key, a missing name, a value of the wrong type) is an error (LoopsDefinitionInvalid) naming the JSON path, e.g. $.emailMessage.subject, before any request. The mailing list, audience segment and campaign group are given by name and looked up in the team (Get-LoopsMailingList, Get-LoopsAudienceSegment and Get-LoopsCampaignGroup list them); a name the team does not have is the error LoopsDefinitionNameNotFound, which names that cmdlet, before any request. The engine then compares the definition with the live campaign and its email message and plans at most three requests, in order: create the campaign, update the campaign (name, audience, group), update the email message (subject, preview text, sender, reply-to, LMX); each is checked as New-LoopsCampaign, Set-LoopsCampaign and Set-LoopsEmailMessage check their input, before the first is sent. With -WhatIf the plan is written as LoopsPlanStep objects (Step, Action, Path, Old, New), one per difference, and nothing is sent; otherwise each request asks through ShouldProcess (ConfirmImpact Medium) and the campaign is written at the end. The email message update names the content revision read with the campaign, so a change someone made since then fails with LoopsRevisionStale instead of being overwritten; run the command again to plan against it. A new segment is sent with the filter the campaign keeps, since Loops clears the filter of a campaign whose segment is set alone. Schedule and sending are deliberately not part of the definition, because they send mail: schedule the campaign afterwards with Set-LoopsCampaign -ScheduleAt or -SendNow. -Name overrides the file's name, for cloning a campaign for another client. A campaign that cannot be read is LoopsCampaignNotFound, and the next piped row goes on. If a request fails, the rest are not sent; run the command again with -CampaignId to finish.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: bring a campaign back to the definition kept in git, after looking at what differs.</para>
/// <code>
/// Sync-LoopsCampaign -Definition ./campaigns/loops-campaign-cmp_123.json -CampaignId cmp_123 -WhatIf | Format-Table -Property 'Step', 'Action', 'Path', 'Old', 'New'
/// Sync-LoopsCampaign -Definition ./campaigns/loops-campaign-cmp_123.json -CampaignId cmp_123
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: clone a campaign for another client: export, edit (the client's mailing list and sender), see the plan, apply, then schedule the clone.</para>
/// <code>
/// Export-LoopsCampaign -CampaignId cmp_123 -Path ./acme.json
/// $definition = Get-Content ./acme.json -Raw | ConvertFrom-Json
/// $definition.mailingList = 'Acme customers'
/// $definition.emailMessage.fromName = 'Acme'
/// $definition | ConvertTo-Json -Depth 10 | Set-Content ./acme.json
/// Sync-LoopsCampaign -Definition ./acme.json -Name 'Spring announcement (Acme)' -WhatIf
/// $clone = Sync-LoopsCampaign -Definition ./acme.json -Name 'Spring announcement (Acme)'
/// Set-LoopsCampaign -CampaignId $clone.Id -ScheduleAt (Get-Date).Date.AddDays(1).AddHours(9) -Force
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one draft per client from one template, with the names from clients.csv (a Name column).</para>
/// <code>
/// Import-Csv clients.csv | Sync-LoopsCampaign -Definition ./template.json -ErrorVariable failed | Export-Csv created.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="ExportLoopsCampaignCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsData.Sync, "LoopsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsCampaign), typeof(LoopsPlanStep))]
public sealed class SyncLoopsCampaignCommand : DefinitionCmdlet<LoopsClient>
{
    private LoopsNames? _names;

    /// <summary><para type="description">The definition file (JSON), e.g. ./acme.json; binds from a Definition column of piped rows, so each row may name its own template.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("DefinitionPath")]
    public string Definition { get; set; } = string.Empty;

    /// <summary><para type="description">The campaign to update; without it a new draft campaign is created. Binds from the Id of a piped campaign.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string? CampaignId { get; set; }

    /// <summary><para type="description">The campaign's name instead of the file's, e.g. for a clone.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        string path = Definition;
        string? campaignId = CampaignId;
        if (!TryReadDefinition(path, LoopsCampaignDefinition.Parse, out LoopsCampaignDefinition definition))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(Name))
        {
            definition.Name = Name!;
        }

        LoopsCampaignSnapshot? live = null;
        if (campaignId != null)
        {
            string id = campaignId;
            if (!TryAwait(token => LoopsCampaignSnapshot.ReadAsync(loops, id, token), id, out LoopsCampaignSnapshot snapshot))
            {
                return;
            }

            live = snapshot;
        }

        LoopsCampaignPlan plan = null!;
        if (!TryReadOnce(ref _names, token => LoopsNames.ReadAsync(loops, token), path, out LoopsNames names) ||
            !TryValidate(() => plan = LoopsCampaignDiffer.Plan(definition, live, names), path) ||
            !TryValidate(plan.Validate, path))
        {
            return;
        }

        if (plan.IsEmpty)
        {
            WriteVerbose($"Loops campaign {campaignId}: already matches {path}; nothing to send.");
            if (!WhatIfRequested())
            {
                WriteObject(live!.Campaign);
            }

            return;
        }

        if (WhatIfRequested())
        {
            WritePlan(plan.Create?.Name, plan.Requests, Target(campaignId), plan.Steps);
            return;
        }

        LoopsCampaign target;
        if (plan.Create != null)
        {
            NewLoopsCampaign create = plan.Create;
            if (!ConfirmCreate(create.Name!) ||
                !TryAwait(token => loops.CreateCampaignAsync(create, token), path, out target))
            {
                return;
            }

            WriteVerbose($"Loops campaign {target.Id} created from {path}.");
        }
        else
        {
            target = live!.Campaign;
        }

        if (TrySend(loops, plan.Requests, target, Target(target.Id), path, $"Sync-LoopsCampaign -Definition '{path}' -CampaignId {target.Id}") &&
            TryAwait(token => loops.GetCampaignAsync(target.Id, token), target.Id, out LoopsCampaign campaign))
        {
            WriteObject(campaign);
        }
    }


    private static string Target(string? campaignId) => campaignId != null ? $"Loops campaign {campaignId}" : "the new Loops campaign";
}
