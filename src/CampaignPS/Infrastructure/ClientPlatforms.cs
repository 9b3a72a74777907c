using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Infrastructure;

/// <summary>Which platform an engine client type talks to, for <see cref="PlatformCmdlet{TClient}"/>.</summary>
internal static class ClientPlatforms
{
    public static PlatformInfo Of(Type clientType)
    {
        if (clientType == typeof(LoopsClient))
        {
            return PlatformInfo.Loops;
        }

        if (clientType == typeof(SmartleadClient))
        {
            return PlatformInfo.Smartlead;
        }

        if (clientType == typeof(OutboxClient))
        {
            return PlatformInfo.Outbox;
        }

        if (clientType == typeof(SmsClient))
        {
            return PlatformInfo.Sms;
        }

        throw new ArgumentOutOfRangeException(nameof(clientType), clientType, "A cmdlet over a client of no single platform names its platform (override Platform).");
    }
}
