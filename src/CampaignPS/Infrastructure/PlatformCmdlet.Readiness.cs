using CampaignPS.Engine.Readiness;

namespace CampaignPS.Infrastructure;

/// <summary>
/// What the Test-*Campaign cmdlets and the launch cmdlets (Start-SmartleadCampaign, Send-SmsCampaign,
/// Set-SmsCampaign -ScheduleDate, Set-LoopsCampaign -SendNow/-ScheduleAt) share: writing the findings, and the gate
/// that refuses a campaign that is not ready.
/// </summary>
public abstract partial class PlatformCmdlet<TClient>
{
    /// <summary>
    /// The launch cmdlets' readiness gate, on the pipeline thread before the question: runs <paramref name="test"/>
    /// (a Test-*Campaign check); a campaign with an Error finding is reported as &lt;Platform&gt;CampaignNotReady against
    /// <paramref name="target"/>, with every finding's fix, and false is returned. Otherwise Warning findings are written
    /// as warnings, the others as verbose messages, and true is returned.
    /// </summary>
    protected bool PassesReadinessCheck(Func<CancellationToken, Task<IReadOnlyList<CampaignReadinessFinding>>> test, string campaignId, object? target, string launchCommand)
    {
        if (!TryAwait(test, target, out IReadOnlyList<CampaignReadinessFinding> findings))
        {
            return false;
        }

        if (!CampaignReadiness.IsReady(findings))
        {
            Report(CampaignReadiness.NotReady(Platform, campaignId, findings, launchCommand), target);
            return false;
        }

        foreach (CampaignReadinessFinding finding in findings)
        {
            string text = $"{Platform.DisplayName} campaign {campaignId}: {finding.Check}: {finding.Message} Fix: {finding.Fix}";
            if (finding.Severity == ReadinessSeverity.Warning)
            {
                WriteWarning(text);
            }
            else
            {
                WriteVerbose(text);
            }
        }

        return true;
    }

    /// <summary>What a Test-*Campaign cmdlet writes: the findings, or with -Quiet one $true (no Error finding) or $false.</summary>
    protected void WriteReadiness(IReadOnlyList<CampaignReadinessFinding> findings, bool quiet)
    {
        if (quiet)
        {
            WriteObject(CampaignReadiness.IsReady(findings));
        }
        else
        {
            WriteObject(findings, enumerateCollection: true);
        }
    }
}
