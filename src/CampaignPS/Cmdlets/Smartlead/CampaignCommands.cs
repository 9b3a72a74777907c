using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CampaignPS.Infrastructure.Completion;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead
{
    /// <summary>
    /// <para type="synopsis">Creates a Smartlead campaign in DRAFTED status.</para>
    /// <para type="description">The name is optional (Smartlead calls it "Untitled Campaign"). The output pipes into Set-SmartleadSequence, Add-SmartleadEmailAccount, Add-SmartleadLead, Set-SmartleadSchedule, Set-SmartleadSetting and Start-SmartleadCampaign.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmartleadCampaign))]
    public sealed class NewSmartleadCampaignCommand : SmartleadCmdlet
    {
        /// <summary><para type="description">The campaign name.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary><para type="description">The agency client to file the campaign under.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("client_id")]
        public long? ClientId { get; set; }

        /// <summary><para type="description">Records in flight at once (1 to 32; the platform's default when not given). Results are still written in input order; 1 sends one record at a time.</para></summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? ThrottleLimit { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var request = new NewSmartleadCampaign { Name = MyInvocation.BoundParameters.ContainsKey(nameof(Name)) ? Name : null, ClientId = ClientId };
            if (!TryValidate(request.Validate, request) || !ShouldProcess($"Smartlead campaign '{request.Name ?? "Untitled Campaign"}'", "Create Smartlead campaign"))
            {
                return;
            }

            SubmitOrdered(request, Throttle(ThrottleLimit), token => Smartlead.CreateCampaignAsync(request, token), campaign => WriteObject(campaign));
        }
    }

    /// <summary>
    /// <para type="synopsis">Gets Smartlead campaigns: one by id, or all (optionally for one client, or by name with wildcards).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SmartleadCampaign", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(SmartleadCampaign))]
    public sealed class GetSmartleadCampaignCommand : SmartleadCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary><para type="description">The campaign id.</para></summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "campaign_id")]
        [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
        public long CampaignId { get; set; }

        /// <summary><para type="description">Only campaigns whose name matches (wildcards allowed).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Only campaigns of this agency client.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public long? ClientId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                if (TryAwait(token => Smartlead.GetCampaignAsync(CampaignId, token), CampaignId, out SmartleadCampaign campaign))
                {
                    WriteObject(campaign);
                }

                return;
            }

            if (!TryAwait(token => Smartlead.GetCampaignsAsync(ClientId, token), ClientId, out IReadOnlyList<SmartleadCampaign> campaigns))
            {
                return;
            }

            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (SmartleadCampaign campaign in campaigns.Where(c => pattern == null || pattern.IsMatch(c.Name)))
            {
                WriteObject(campaign);
            }
        }
    }

    /// <summary>
    /// <para type="synopsis">Deletes a Smartlead campaign with all its leads, sequences and statistics. This cannot be undone.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveSmartleadCampaignCommand : SmartleadCmdlet
    {
        /// <summary><para type="description">The campaign to delete.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "campaign_id")]
        [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
        public long CampaignId { get; set; }

        /// <summary><para type="description">Delete without asking for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ShouldProcessUnlessForced($"Smartlead campaign {CampaignId}", "Delete Smartlead campaign and all its leads (cannot be undone)", Force.IsPresent))
            {
                TryAwait(token => Smartlead.DeleteCampaignAsync(CampaignId, token), CampaignId);
            }
        }
    }
}
