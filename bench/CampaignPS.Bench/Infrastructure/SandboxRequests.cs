using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>The sandbox's request log from a mark on: what one measured run sent.</summary>
internal readonly struct SandboxRequests(SandboxServer sandbox, int mark)
{
    public static SandboxRequests From(SandboxServer sandbox) => new(sandbox, sandbox.Requests.Snapshot().Count);

    public IReadOnlyList<SandboxRequest> Since() => sandbox.Requests.Snapshot().Skip(mark).ToArray();

    /// <summary>Requests the server let through to the route (not refused with 429, not dropped).</summary>
    public static bool Admitted(SandboxRequest request) => request.StatusCode is not (429 or 0);
}
