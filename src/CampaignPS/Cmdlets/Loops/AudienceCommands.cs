using System.Collections.Generic;
using System.Linq;
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
    /// <para type="synopsis">Gets the Loops mailing lists, optionally filtered by name (wildcards allowed).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LoopsMailingList")]
    [OutputType(typeof(LoopsMailingList))]
    public sealed class GetLoopsMailingListCommand : LoopsCmdlet
    {
        /// <summary><para type="description">Only lists whose name matches (wildcards allowed).</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (!TryAwait(Loops.GetMailingListsAsync, Name, out IReadOnlyList<LoopsMailingList> lists))
            {
                return;
            }

            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (LoopsMailingList list in lists.Where(l => pattern == null || pattern.IsMatch(l.Name)))
            {
                WriteObject(list);
            }
        }
    }

    /// <summary>
    /// <para type="synopsis">Gets Loops audience segments: one by id, the first page, every page (-All) or the first N (-First).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LoopsAudienceSegment", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(LoopsAudienceSegment))]
    public sealed class GetLoopsAudienceSegmentCommand : LoopsListCmdlet<LoopsAudienceSegment>
    {
        /// <summary>Creates the cmdlet.</summary>
        public GetLoopsAudienceSegmentCommand()
            : base((client, id, token) => client.GetAudienceSegmentAsync(id, token), (client, cursor, size, token) => client.GetAudienceSegmentPageAsync(cursor, size, token))
        {
        }

        /// <summary><para type="description">The audience segment id.</para></summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
        public string? AudienceSegmentId { get; set; }

        /// <inheritdoc />
        protected override string? RequestedId => AudienceSegmentId;
    }

    /// <summary>
    /// <para type="synopsis">Gets Loops campaign groups: one by id, the first page, every page (-All) or the first N (-First).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LoopsCampaignGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(LoopsCampaignGroup))]
    public sealed class GetLoopsCampaignGroupCommand : LoopsListCmdlet<LoopsCampaignGroup>
    {
        /// <summary>Creates the cmdlet.</summary>
        public GetLoopsCampaignGroupCommand()
            : base((client, id, token) => client.GetCampaignGroupAsync(id, token), (client, cursor, size, token) => client.GetCampaignGroupPageAsync(cursor, size, token))
        {
        }

        /// <summary><para type="description">The campaign group id.</para></summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
        public string? CampaignGroupId { get; set; }

        /// <inheritdoc />
        protected override string? RequestedId => CampaignGroupId;
    }

    /// <summary>
    /// <para type="synopsis">Creates a Loops campaign group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LoopsCampaignGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LoopsCampaignGroup))]
    public sealed class NewLoopsCampaignGroupCommand : LoopsCmdlet
    {
        /// <summary><para type="description">The group name (not the reserved 'Unsorted').</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">An optional description.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary><para type="description">Records in flight at once (1 to 32; the platform's default when not given). Results are still written in input order; 1 sends one record at a time.</para></summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? ThrottleLimit { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var request = new NewLoopsCampaignGroup { Name = Name, Description = Given(Description) };
            if (!TryValidate(request.Validate, request) || !ShouldProcess($"Loops campaign group '{Name}'", "Create Loops campaign group"))
            {
                return;
            }

            SubmitOrdered(request, Throttle(ThrottleLimit), token => Loops.CreateCampaignGroupAsync(request, token), group => WriteObject(group));
        }
    }
}
