using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The Email Accounts API: the account's list (offset/limit, at most 100: the docs' limit), one account, warmup settings and
/// statistics, suspend and unsuspend.</summary>
internal sealed class SmartleadMailboxRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        // The reference's path is /v1/email-accounts/ (trailing slash); routing matches it with or without.
        api.MapGet("/email-accounts", (HttpRequest request) =>
        {
            var (offset, limit) = SmartleadAfterLaunchInputs.ReadPage(request, 100, 100);
            return PlatformResponses.Json(new JsonArray(
                state.EmailAccounts.Skip(offset).Take(limit).Select(a => (JsonNode)SmartleadMailboxJson.Account(state, a, state.ReadShape)).ToArray()));
        });
        api.MapGet("/email-accounts/{emailAccountId}", (string emailAccountId) =>
            PlatformResponses.Json(SmartleadMailboxJson.Account(state, state.RequireMailbox(emailAccountId), state.ReadShape)));
        api.MapPost("/email-accounts/{emailAccountId}/warmup", (HttpContext context, string emailAccountId) =>
        {
            state.RequireMailbox(emailAccountId);
            state.SaveWarmup(emailAccountId, SmartleadAfterLaunchInputs.ReadWarmup(CapturedRequestBody.Of(context)));
            return PlatformResponses.Json(new JsonObject { ["ok"] = true, ["message"] = "Warmup settings updated successfully" });
        });
        api.MapGet("/email-accounts/{emailAccountId}/warmup-stats", (string emailAccountId) =>
        {
            var account = state.RequireMailbox(emailAccountId);
            var today = DateOnly.FromDateTime(state.UtcNow.UtcDateTime);
            return PlatformResponses.Json(SmartleadMailboxJson.WarmupStats(state.Health(account.Id), today, state.ReadShape));
        });
        api.MapPut("/email-accounts/suspend/{emailAccountId}", (string emailAccountId) => Suspend(emailAccountId, true, "Email account suspended successfully"));
        api.MapDelete("/email-accounts/unsuspend/{emailAccountId}", (string emailAccountId) => Suspend(emailAccountId, false, "Email account unsuspended successfully"));
    }

    /// <summary>An unknown account is the reference's 404, or the docs' suspend page's 400 "not found or does not belong to you".</summary>
    private IResult Suspend(string emailAccountId, bool suspended, string message)
    {
        try
        {
            state.SetSuspended(emailAccountId, suspended);
        }
        catch (PlatformErrorException notFound) when (state.ReadShape == SmartleadReadShape.Docs && notFound.StatusCode == StatusCodes.Status404NotFound)
        {
            throw PlatformErrorException.BadRequest($"Email account {emailAccountId} not found or does not belong to you");
        }
        var id = state.RequireMailbox(emailAccountId).Id;
        return PlatformResponses.Json(new JsonObject
        {
            ["success"] = true,
            ["message"] = message,
            ["data"] = new JsonObject { ["accountId"] = id, ["isSuspended"] = suspended },
        });
    }
}
