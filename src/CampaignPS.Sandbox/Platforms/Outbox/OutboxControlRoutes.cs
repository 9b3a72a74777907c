namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>Outbox test helpers below /_sandbox/outbox.</summary>
internal sealed class OutboxControlRoutes(OutboxSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapEnumSwitch<OutboxContactsAuth>(control, "/contacts-auth", "mode", mode => state.StrictContactsAuth = mode);
        SandboxControlRoutes.MapRecords(control, "/auth-forms", "authForms", () => state.AuthForms);
        SandboxControlRoutes.MapRecords(control, "/contacts", "contacts", () => state.Contacts);
        SandboxControlRoutes.MapRecords(control, "/senders", "senders", () => state.Senders);
        SandboxControlRoutes.MapCampaignStatusOverride<Guid>(control, "/campaigns/{campaignId:guid}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
    }
}
