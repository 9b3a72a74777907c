using System.Globalization;

namespace CampaignPS.Engine.Readiness;

/// <summary>How much a readiness finding matters.</summary>
public enum ReadinessSeverity
{
    /// <summary>The campaign cannot start (or send) as it is: the platform would refuse it, or it could not send anything.</summary>
    Error,

    /// <summary>It would start, but probably not as intended (no schedule, a cold mailbox, ...).</summary>
    Warning,

    /// <summary>Something the check could not see through a documented endpoint, or a fact worth knowing.</summary>
    Info,
}

/// <summary>
/// One reason a campaign is not ready to start, shared by every platform's readiness check (Test-SmartleadCampaign,
/// Test-SmsCampaign, and later Test-LoopsCampaign): what is wrong and what to run to fix it.
/// </summary>
public sealed class CampaignReadinessFinding
{
    /// <summary>Creates a finding.</summary>
    public CampaignReadinessFinding(Platform platform, string campaignId, ReadinessSeverity severity, string check, string message, string fix)
    {
        Platform = platform;
        CampaignId = campaignId ?? throw new ArgumentNullException(nameof(campaignId));
        Severity = severity;
        Check = check ?? throw new ArgumentNullException(nameof(check));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Fix = fix ?? string.Empty;
    }

    /// <summary>The platform the campaign is on.</summary>
    public Platform Platform { get; }

    /// <summary>The campaign's id as the platform spells it (binds to the launch cmdlets' -CampaignId).</summary>
    public string CampaignId { get; }

    /// <summary>Error (cannot start), Warning or Info.</summary>
    public ReadinessSeverity Severity { get; }

    /// <summary>A stable short code for the check, e.g. SequenceMissing or MailboxWarmupLow: filter on it, not on the message.</summary>
    public string Check { get; }

    /// <summary>What is wrong, naming the step, mailbox or contact.</summary>
    public string Message { get; }

    /// <summary>How to fix it, naming the cmdlet to run.</summary>
    public string Fix { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Check}: {Message}";
}

/// <summary>What every platform's readiness check shares: the ready rule and the refusal a launch cmdlet reports.</summary>
public static class CampaignReadiness
{
    /// <summary>True when none of <paramref name="findings"/> is an Error.</summary>
    public static bool IsReady(IEnumerable<CampaignReadinessFinding> findings) =>
        !(findings ?? throw new ArgumentNullException(nameof(findings))).Any(f => f.Severity == ReadinessSeverity.Error);

    /// <summary>
    /// The failure a launch cmdlet reports when the check found errors: ErrorId <c>&lt;Platform&gt;CampaignNotReady</c>
    /// (the same id as the platform's own refusal to start), category InvalidOperation, and a message that lists every
    /// Error finding with its fix.
    /// </summary>
    public static CampaignApiException NotReady(PlatformInfo platform, string campaignId, IEnumerable<CampaignReadinessFinding> findings, string launchCommand)
    {
        if (platform == null)
        {
            throw new ArgumentNullException(nameof(platform));
        }

        var errors = (findings ?? throw new ArgumentNullException(nameof(findings))).Where(f => f.Severity == ReadinessSeverity.Error).ToList();
        string list = string.Join(" ", errors.Select((f, i) => string.Format(CultureInfo.InvariantCulture, "({0}) {1}: {2} {3}", i + 1, f.Check, f.Message, f.Fix).TrimEnd()));
        string message = $"{platform.DisplayName} campaign {campaignId} is not ready, so {launchCommand} did not send anything. {list} " +
            $"Run Test-{platform.ErrorIdPrefix}Campaign to see every finding, or add -Force to skip the check.";
        return new CampaignApiException(new ApiFailure(platform.Platform, platform.ErrorIdPrefix + "CampaignNotReady", FailureCategory.InvalidOperation, message));
    }
}
