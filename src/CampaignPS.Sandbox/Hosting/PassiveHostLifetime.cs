namespace CampaignPS.Sandbox;

/// <summary>Keeps the host from hooking Ctrl+C/SIGTERM: an in-process sandbox must not react to the
/// test runner's signals, and Program wires the signals to <see cref="SandboxServer.WaitForShutdownAsync"/> itself.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
