using System.Text.Json;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>One platform request as the sandbox logged it: when its headers arrived and what it answered.</summary>
internal sealed record Arrival(string Method, string Path, int StatusCode, DateTimeOffset ReceivedAt, string Body)
{
    public bool Admitted => StatusCode is not (429 or 0);
}

/// <summary>The arrivals of a run, read from an external sandbox's request log, and what a server would see of them.</summary>
internal sealed class ArrivalLog(IReadOnlyList<Arrival> arrivals)
{
    public IReadOnlyList<Arrival> All { get; } = arrivals;

    public static ArrivalLog Parse(JsonElement requests) =>
        new(requests.EnumerateArray().Select(r => new Arrival(
            r.GetProperty("method").GetString() ?? string.Empty,
            r.GetProperty("path").GetString() ?? string.Empty,
            r.GetProperty("statusCode").GetInt32(),
            r.GetProperty("receivedAt").GetDateTimeOffset(),
            r.TryGetProperty("body", out JsonElement body) ? body.GetString() ?? string.Empty : string.Empty)).OrderBy(a => a.ReceivedAt).ToArray());

    public IReadOnlyList<Arrival> Where(string method, string pathSuffix) =>
        All.Where(a => a.Method == method && a.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToArray();

    /// <summary>Seconds from the first to the last admitted request of <paramref name="requests"/>.</summary>
    public static double AdmittedSpanSeconds(IReadOnlyList<Arrival> requests)
    {
        Arrival[] admitted = requests.Where(r => r.Admitted).ToArray();
        return admitted.Length < 2 ? 0 : (admitted[^1].ReceivedAt - admitted[0].ReceivedAt).TotalSeconds;
    }
}
