using System;
using System.Management.Automation;
using CampaignPS.Infrastructure.Completion;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Platforms;
using CampaignPS.Infrastructure;

namespace CampaignPS.Cmdlets.Loops
{
    /// <summary>
    /// <para type="synopsis">Creates a draft Loops campaign (with an empty email message).</para>
    /// <para type="description">One campaign per input record: pipe Import-Csv rows with Name (and optionally MailingListId, AudienceSegmentId, CampaignGroupId, AudienceFilter) columns. A bad row is reported and the rest go on. The output pipes into Set-LoopsEmailMessage and Set-LoopsCampaign.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LoopsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LoopsCampaign))]
    public sealed class NewLoopsCampaignCommand : LoopsCmdlet
    {
        /// <summary><para type="description">The campaign name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The mailing list to send to (see Get-LoopsMailingList).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LoopsMailingListCompleter))]
        public string? MailingListId { get; set; }

        /// <summary><para type="description">The audience segment to send to (see Get-LoopsAudienceSegment).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
        public string? AudienceSegmentId { get; set; }

        /// <summary><para type="description">An audience filter as a hashtable (@{ match = 'all'; conditions = @(...) }) or JSON text.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? AudienceFilter { get; set; }

        /// <summary><para type="description">The campaign group (see Get-LoopsCampaignGroup); the Unsorted group when omitted.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
        public string? CampaignGroupId { get; set; }

        /// <summary><para type="description">Records in flight at once (1 to 32; the platform's default when not given). Results are still written in input order; 1 sends one record at a time.</para></summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? ThrottleLimit { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var request = new NewLoopsCampaign
            {
                Name = Name,
                MailingListId = Given(MailingListId),
                AudienceSegmentId = Given(AudienceSegmentId),
                CampaignGroupId = Given(CampaignGroupId),
            };
            object? filter = Given(AudienceFilter);
            if (!TryValidate(() =>
            {
                request.AudienceFilter = filter == null ? null : LoopsAudienceFilter.FromJson(PowerShellJson.ToJson(filter));
                request.Validate();
            }, request))
            {
                return;
            }

            if (!ShouldProcess($"Loops campaign '{request.Name}'", "Create Loops campaign"))
            {
                return;
            }

            SubmitOrdered(request, Throttle(ThrottleLimit), token => Loops.CreateCampaignAsync(request, token), campaign => WriteObject(campaign));
        }
    }

    /// <summary>
    /// <para type="synopsis">Changes a draft Loops campaign: name, audience, group, or when it sends.</para>
    /// <para type="description">At least one change is required. -AudienceSegmentId and -AudienceFilter are exclusive. -SendNow or -ScheduleAt (a future time) make the campaign send mail, which cannot be undone: then the cmdlet asks for confirmation as a High-impact change would, unless -Force or -Confirm:$false. Other changes do not prompt. A campaign that is no longer a draft gives the error LoopsCampaignNotDraft.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LoopsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LoopsCampaign))]
    public sealed class SetLoopsCampaignCommand : LoopsCmdlet
    {
        private const string DefaultSet = "Default";
        private const string SegmentSet = "Segment";
        private const string FilterSet = "Filter";

        /// <summary><para type="description">The campaign to change; binds from the Id of New-LoopsCampaign or the CampaignId of Set-LoopsEmailMessage output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
        public string CampaignId { get; set; } = string.Empty;

        /// <summary><para type="description">A new name.</para></summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary><para type="description">The mailing list to send to.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(LoopsMailingListCompleter))]
        public string? MailingListId { get; set; }

        /// <summary><para type="description">The audience segment to send to; clears any audience filter.</para></summary>
        [Parameter(ParameterSetName = SegmentSet, Mandatory = true)]
        [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
        public string? AudienceSegmentId { get; set; }

        /// <summary><para type="description">An audience filter as a hashtable or JSON text.</para></summary>
        [Parameter(ParameterSetName = FilterSet, Mandatory = true)]
        public object? AudienceFilter { get; set; }

        /// <summary><para type="description">The group to move the campaign to.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
        public string? CampaignGroupId { get; set; }

        /// <summary><para type="description">Send the campaign now. This sends mail.</para></summary>
        [Parameter]
        public SwitchParameter SendNow { get; set; }

        /// <summary><para type="description">Send the campaign at this future time. This sends mail.</para></summary>
        [Parameter]
        public DateTime? ScheduleAt { get; set; }

        /// <summary><para type="description">Change without asking for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Return the updated campaign.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">Records in flight at once (1 to 32; the platform's default when not given). Results are still written in input order; 1 sends one record at a time.</para></summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? ThrottleLimit { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var changes = new LoopsCampaignChanges
            {
                Name = Name,
                MailingListId = MailingListId,
                AudienceSegmentId = AudienceSegmentId,
                CampaignGroupId = CampaignGroupId,
                SendNow = SendNow.IsPresent,
                ScheduleAt = ScheduleAt.HasValue ? new DateTimeOffset(ScheduleAt.Value) : (DateTimeOffset?)null,
            };
            if (!TryValidate(() =>
            {
                changes.AudienceFilter = AudienceFilter == null ? null : LoopsAudienceFilter.FromJson(PowerShellJson.ToJson(AudienceFilter));
                changes.Validate(DateTimeOffset.UtcNow);
            }, CampaignId))
            {
                return;
            }

            string target = $"Loops campaign {CampaignId}";
            bool proceed = changes.SendNow ? ShouldProcessSend(target, "Send Loops campaign now", Force.IsPresent)
                : changes.ScheduleAt.HasValue ? ShouldProcessSend(target, $"Schedule Loops campaign to send at {changes.ScheduleAt.Value:u}", Force.IsPresent)
                : ShouldProcessUnlessForced(target, "Update Loops campaign", Force.IsPresent);
            if (!proceed)
            {
                return;
            }

            string campaignId = CampaignId;
            SubmitOrdered(campaignId, Throttle(ThrottleLimit), token => Loops.UpdateCampaignAsync(campaignId, changes, token), campaign =>
            {
                if (PassThru.IsPresent)
                {
                    WriteObject(campaign);
                }
            });
        }
    }

    /// <summary>
    /// <para type="synopsis">Gets Loops campaigns: one by id, the first page, every page (-All) or the first N (-First).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LoopsCampaign", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(LoopsCampaign))]
    public sealed class GetLoopsCampaignCommand : LoopsListCmdlet<LoopsCampaign>
    {
        /// <summary>Creates the cmdlet.</summary>
        public GetLoopsCampaignCommand()
            : base((client, id, token) => client.GetCampaignAsync(id, token), (client, cursor, size, token) => client.GetCampaignPageAsync(cursor, size, token))
        {
        }

        /// <summary><para type="description">The campaign id.</para></summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
        public string? CampaignId { get; set; }

        /// <inheritdoc />
        protected override string? RequestedId => CampaignId;
    }
}
