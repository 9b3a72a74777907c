namespace CampaignPS.Cmdlets.Metrics;

/// <summary>Refuses, while binding, an -InputObject that is not a campaign object of the module (so the error is PowerShell's own, naming the parameter).</summary>
public sealed class ValidateCampaignObjectAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (CampaignMetricTarget.Of(arguments) == null)
        {
            throw new ValidationMetadataException(
                "This is not a campaign of CampaignPS. Pipe the output of Get-LoopsCampaign, Get-SmartleadCampaign, New-OutboxCampaign or Get-SmsCampaign, or give -Platform and -CampaignId.");
        }
    }
}
