using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Journal;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Adds leads to a Smartlead campaign, from the pipeline or -Lead, in batches of 400.</para>
/// <para type="description">Leads come from Import-Csv rows, hashtables or objects. The columns email, first_name, last_name, company_name, phone_number and website (also spelled FirstName and so on) are the lead fields of Smartlead's API reference; every other column, location, linkedin_profile and company_url included, is sent as a custom field under its own name (at most 200), so no data of the row is lost. Only one batch is held in memory, so a file of any size streams through. A lead without a valid e-mail is reported with its row number and the rest go on. Every row that was not added is a non-terminating error whose TargetObject is the input row: rows Smartlead skipped (SmartleadLeadDuplicate, SmartleadLeadBlocked, SmartleadLeadInvalid; -DuplicateAsWarning makes duplicates warnings instead) and the rows of a batch that failed after retries. When the answer only counts the skipped leads of a batch that was partly added (the API reference's shape), which rows they were is not known: one SmartleadLeadsNotAdded error then holds the whole batch as TargetObject, which is safe to send again because Smartlead deduplicates by e-mail. The output is one summary per campaign with Smartlead's counts; with -PassThru the campaign, read back from Smartlead, is written instead (the summary goes to the information stream).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: add one lead with a custom field (industry).</para>
/// <code>
/// Add-SmartleadLead -CampaignId 125 -Lead @{ email = 'ada@example.com'; first_name = 'Ada'; company_name = 'Analytical Engines'; industry = 'Computing' }
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: stream a large CSV into a campaign in batches of 400, as many in flight as keep the key's limits busy, then write exactly the rows that were not added to retry.csv.</para>
/// <code>
/// Import-Csv leads.csv | Add-SmartleadLead -CampaignId 125 -ErrorVariable notAdded
/// $notAdded | ForEach-Object TargetObject | Export-Csv retry.csv -NoTypeInformation
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: a resumable import. The journal records each lead of each batch by its e-mail; run the same command again after a crash and only the leads not yet added are sent.</para>
/// <code>
/// Import-Csv leads.csv | Add-SmartleadLead -CampaignId 125 -Journal leads-125.jsonl -JournalKey email
/// </code>
/// </example>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
/// <seealso cref="GetSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Add, "SmartleadLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadLeadImportResult), typeof(SmartleadCampaign))]
public sealed class AddSmartleadLeadCommand : BulkChangeCmdlet<SmartleadClient>
{
    private const int ProgressId = 4711;
    private SmartleadLeadImporter? _importer;
    private long? _declinedCampaignId;
    private readonly Dictionary<SmartleadLead, string> _journalKeys = new Dictionary<SmartleadLead, string>();
    private long _row;

    /// <summary><para type="description">The campaign; binds from the Id of a piped campaign.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">The leads: Import-Csv rows, hashtables or objects with at least an email.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[] Lead { get; set; } = Array.Empty<object>();

    /// <summary><para type="description">Add leads even when they are on Smartlead's global block list (ignore_global_block_list; sent only when given).</para></summary>
    [Parameter]
    public SwitchParameter IgnoreGlobalBlockList { get; set; }

    /// <summary><para type="description">Add leads even when they unsubscribed earlier (the reference's ignore_unsubscribe; sent only when given).</para></summary>
    [Parameter]
    public SwitchParameter IgnoreUnsubscribeList { get; set; }

    /// <summary><para type="description">Report rows Smartlead skipped as duplicates as warnings, not errors (they stay out of -ErrorVariable).</para></summary>
    [Parameter]
    public SwitchParameter DuplicateAsWarning { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (_importer != null && _importer.Result.CampaignId != CampaignId)
        {
            Finish(smartlead);
        }

        if (_importer == null)
        {
            if (_declinedCampaignId == CampaignId)
            {
                return;
            }

            if (!Confirm.Change($"Smartlead campaign {CampaignId}", "Add Smartlead leads"))
            {
                _declinedCampaignId = CampaignId;
                return;
            }

            SmartleadLeadImporter? started = null;
            if (!TryValidate(() => started = smartlead.StartLeadImport(CampaignId, Settings()), InputObject))
            {
                _declinedCampaignId = CampaignId;
                return;
            }

            _importer = started;
        }

        foreach (object item in Lead ?? Array.Empty<object>())
        {
            Take(_importer!, item);
        }
    }

    // Only the settings the API reference's leads body has, and only when given.
    private SmartleadLeadSettings Settings() => new SmartleadLeadSettings
    {
        IgnoreGlobalBlockList = this.SwitchGiven(nameof(IgnoreGlobalBlockList), IgnoreGlobalBlockList),
        IgnoreUnsubscribeList = this.SwitchGiven(nameof(IgnoreUnsubscribeList), IgnoreUnsubscribeList),
    };

    /// <inheritdoc />
    protected override bool ReportsProgress => false;

    /// <inheritdoc />
    protected override void EndInput(SmartleadClient client) => Finish(client);

    private void Take(SmartleadLeadImporter importer, object item)
    {
        _row++;
        if (!JournalAdmits(item, importer.Result.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/", item, out string? key))
        {
            return;
        }

        SmartleadLead lead;
        try
        {
            lead = SmartleadLead.FromFields(PowerShellRecords.Fields(item), _row);
        }
        catch (InputValidationException invalid)
        {
            importer.CountRejected();
            Report(invalid, item);
            return;
        }

        lead.Source = item;
        if (key != null)
        {
            _journalKeys[lead] = key;
        }

        importer.Add(lead);
        if (importer.BatchIsFull)
        {
            SendBatch(importer);
        }
    }

    private void SendBatch(SmartleadLeadImporter importer)
    {
        IReadOnlyList<SmartleadLead>? batch = importer.TakeBatch();
        if (batch != null)
        {
            Func<CancellationToken, Task<SmartleadLeadBatchOutcome>> send = token => importer.SendAsync(batch, token);
            if (Journaled)
            {
                // One journal line per lead: a batch's leads share its outcome, except those the answer names as skipped.
                var keys = batch.Select(lead => _journalKeys[lead]).ToList();
                foreach (SmartleadLead lead in batch)
                {
                    _journalKeys.Remove(lead);
                }

                send = WithJournal(keys, send, outcome => LeadOutcomes(importer.Result.CampaignId, batch, keys, outcome));
            }

            SubmitOrdered(importer.Result.CampaignId, send, outcome => Report(importer, outcome));
        }
    }

    // What the journal records per lead of a batch that answered (a failed batch is recorded as one failure of all).
    private static IEnumerable<JournalOutcome> LeadOutcomes(long campaignId, IReadOnlyList<SmartleadLead> batch, IReadOnlyList<string> keys, SmartleadLeadBatchOutcome outcome)
    {
        if (outcome.Failure != null)
        {
            return FailureOutcomes(keys, outcome.Failure) ?? Array.Empty<JournalOutcome>();
        }

        SmartleadLeadBatchResult? result = outcome.Result;
        if (result != null && result.UnnamedSkipped > 0)
        {
            // Which leads were not added is not known: all are sent again on a rerun (Smartlead deduplicates by e-mail).
            return keys.Select(key => new JournalOutcome(key, JournalRowState.Failed, null, "SmartleadLeadsNotAdded")).ToArray();
        }

        var skipped = new Dictionary<SmartleadLead, SmartleadSkippedLead>();
        foreach (SmartleadSkippedLead lead in result?.Skipped ?? Array.Empty<SmartleadSkippedLead>())
        {
            skipped[lead.Lead] = lead;
        }

        return batch.Select((lead, i) =>
            !skipped.TryGetValue(lead, out SmartleadSkippedLead? skip) ? new JournalOutcome(keys[i], JournalRowState.Done, lead.Email)
            : skip.Reason == SmartleadSkipReason.Duplicate ? new JournalOutcome(keys[i], JournalRowState.Done, lead.Email, skip.ErrorId)
            : new JournalOutcome(keys[i], JournalRowState.Failed, null, skip.ErrorId)).ToArray();
    }

    /// <inheritdoc />
    protected override bool JournalResendsUnknown => true;

    /// <inheritdoc />
    protected override string JournalCheckHint(object? row)
    {
        string? email = PowerShellRecords.Fields(row).FirstOrDefault(f => string.Equals(f.Key, "email", StringComparison.OrdinalIgnoreCase)).Value?.ToString();
        return email == null
            ? $"look for the lead with Get-SmartleadLead -CampaignId {CampaignId}"
            : $"look for the lead with Get-SmartleadLead -Email '{email.Replace("'", "''")}'";
    }

    private void Report(SmartleadLeadImporter importer, SmartleadLeadBatchOutcome outcome)
    {
        if (outcome.Failure is CampaignApiException failure)
        {
            if (failure.Failure.IsTerminating)
            {
                Report(failure, importer.Result.CampaignId);
            }

            foreach (SmartleadLead lead in outcome.Leads)
            {
                var notAdded = new CampaignApiException(new ApiFailure(failure.Failure.Platform, failure.ErrorId, failure.Failure.Category,
                    $"Lead {lead} was not added to campaign {importer.Result.CampaignId}: {failure.Message}")
                {
                    StatusCode = failure.Failure.StatusCode,
                    ApiMessage = failure.Failure.ApiMessage,
                    RequestId = failure.Failure.RequestId,
                    OutcomeUnknown = failure.Failure.OutcomeUnknown,
                });
                Report(notAdded, lead.Source);
            }
        }

        if (outcome.Result is SmartleadLeadBatchResult result)
        {
            ReportSkipped(importer.Result.CampaignId, outcome.Leads, result);
        }

        SmartleadLeadImportResult total = importer.Result;
        lock (total)
        {
            WriteProgress(new ProgressRecord(ProgressId, $"Adding leads to Smartlead campaign {total.CampaignId}",
                $"{total.Sent} leads sent in {total.Batches} batches; {total.Inserted} inserted, {total.Rejected} rejected, {total.Failed} failed"));
        }
    }

    private void ReportSkipped(long campaignId, IReadOnlyList<SmartleadLead> batch, SmartleadLeadBatchResult result)
    {
        foreach (SmartleadSkippedLead skipped in result.Skipped)
        {
            ApiFailure failure = skipped.ToFailure(campaignId);
            if (skipped.Reason == SmartleadSkipReason.Duplicate && DuplicateAsWarning.IsPresent)
            {
                WriteWarning(failure.Message);
                continue;
            }

            Report(new CampaignApiException(failure), skipped.Lead.Source);
        }

        if (result.UnnamedSkipped > 0)
        {
            var unnamed = new ApiFailure(CampaignPS.Engine.Platforms.Platform.Smartlead, "SmartleadLeadsNotAdded", FailureCategory.InvalidOperation,
                $"Smartlead: {result.UnnamedSkipped} of the {batch.Count} leads of one batch ({batch[0]} to {batch[batch.Count - 1]}) were not added to campaign {campaignId} " +
                $"({result.Duplicates} duplicates, {result.Blocked} blocked, {result.Invalid} invalid), and the answer does not say which. " +
                "The TargetObject holds the whole batch: sending it again is safe, because Smartlead deduplicates by e-mail.");
            Report(new CampaignApiException(unnamed), batch.Select(lead => lead.Source).ToArray());
        }
    }

    private void Finish(SmartleadClient smartlead)
    {
        SmartleadLeadImporter? importer = _importer;
        _importer = null;
        if (importer == null)
        {
            return;
        }

        SendBatch(importer);
        DeliverAll();
        WriteProgress(new ProgressRecord(ProgressId, $"Adding leads to Smartlead campaign {importer.Result.CampaignId}", "Done") { RecordType = ProgressRecordType.Completed });
        if (!PassThru.IsPresent)
        {
            WriteObject(importer.Result);
            return;
        }

        WriteInformation(importer.Result, new[] { "CampaignPS", "SmartleadLeadImport" });
        WriteVerbose(importer.Result.ToString());
        long campaignId = importer.Result.CampaignId;
        if (TryAwait(token => smartlead.GetCampaignAsync(campaignId, token), campaignId, out SmartleadCampaign campaign))
        {
            WriteObject(campaign);
        }
    }
}
