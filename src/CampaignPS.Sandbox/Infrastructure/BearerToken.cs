using Microsoft.Net.Http.Headers;

namespace CampaignPS.Sandbox;

internal static class BearerToken
{
    /// <summary>The token of an "Authorization: Bearer TOKEN" header, or null.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
