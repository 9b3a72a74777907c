namespace CampaignPS.Sandbox;

/// <summary>The hosted platforms, found by the first segment of a request path.</summary>
internal sealed class SandboxPlatformSet(IReadOnlyList<ISandboxPlatform> platforms)
{
    public IReadOnlyList<ISandboxPlatform> All { get; } = platforms;

    public ISandboxPlatform? ForPath(PathString path)
    {
        var value = path.Value ?? "";
        var firstSegment = value.TrimStart('/').Split('/', 2)[0];
        return All.FirstOrDefault(platform => string.Equals(platform.Name, firstSegment, StringComparison.OrdinalIgnoreCase));
    }
}
