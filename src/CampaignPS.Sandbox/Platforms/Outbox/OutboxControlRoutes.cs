using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>Outbox test helpers below /_sandbox/outbox.</summary>
internal sealed class OutboxControlRoutes(OutboxSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapEnumSwitch<OutboxContactsAuth>(control, "/contacts-auth", "mode", mode => state.StrictContactsAuth = mode);
        control.MapGet("/auth-forms", () => Snapshot("authForms", state.AuthForms));
        control.MapGet("/contacts", () => Snapshot("contacts", state.Contacts));
        control.MapGet("/senders", () => Snapshot("senders", state.Senders));
        SandboxControlRoutes.MapCampaignStatusOverride<Guid>(control, "/campaigns/{campaignId:guid}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
    }

    private static IResult Snapshot<T>(string name, IReadOnlyList<T> items) =>
        SandboxControlRoutes.Ok(new JsonObject { [name] = JsonSerializer.SerializeToNode(items, SandboxJson.Options) });
}
