using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>Base of the SMS cmdlets that act on one campaign, bound from the pipeline.</summary>
public abstract class SmsCampaignCmdlet : PlatformCmdlet<SmsClient>
{
    /// <summary><para type="description">The campaign id; binds from the Id of New-SmsCampaign or Get-SmsCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "_id")]
    [ArgumentCompleter(typeof(SmsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">Act without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary><para type="description">Write the campaign as Tether has it afterwards (with its statistics).</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Writes each failed message as a warning, and the campaign with -PassThru.</summary>
    protected void WriteCampaign(SmsCampaign campaign)
    {
        foreach (SmsFailure failure in campaign.FailedDetails)
        {
            WriteWarning($"SMS campaign {campaign.Id}: message to {failure.PhoneNumber} failed: {failure.Error}");
        }

        if (PassThru.IsPresent)
        {
            WriteObject(campaign);
        }
    }
}
