namespace CampaignPS.Sandbox;

/// <summary>One platform request as the sandbox saw it. StatusCode is 0 while no response has
/// started, and stays 0 when the connection was dropped on purpose.</summary>
public sealed record SandboxRequest(
    string Platform,
    string Method,
    string Path,
    string QueryString,
    string Body,
    int StatusCode,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Every header that arrived, by name (what a client really sent, e.g. no injected header).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
