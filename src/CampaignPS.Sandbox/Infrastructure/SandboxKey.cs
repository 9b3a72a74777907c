using System.Security.Cryptography;
using System.Text;

namespace CampaignPS.Sandbox;

/// <summary>The one key (or token) a platform accepts: where requests carry it, a constant-time comparison, and
/// the hint printed on the console, e.g. "key: sandbox-smartlead-key (as ?api_key=)".</summary>
internal sealed class SandboxKey
{
    private readonly byte[] _value;
    private readonly Func<HttpRequest, string?> _find;

    private SandboxKey(string value, Func<HttpRequest, string?> find, string label, string? how)
    {
        _value = Encoding.UTF8.GetBytes(value);
        _find = find;
        ConnectionHint = how is null ? $"{label}: {value}" : $"{label}: {value} ({how})";
    }

    public string ConnectionHint { get; }

    /// <summary>A key sent as <c>Authorization: Bearer KEY</c>; <paramref name="how"/>, if given, is shown after it.</summary>
    public static SandboxKey Bearer(string value, string label = "key", string? how = null) =>
        new(value, BearerToken.From, label, how);

    /// <summary>A key sent as <c>Authorization: Bearer KEY</c> or as the bare <c>Authorization: KEY</c>.</summary>
    public static SandboxKey BearerOrBare(string value) =>
        new(value, request => BearerToken.From(request) ?? BareAuthorization(request), "key", "Authorization: Bearer KEY, or the bare key");

    /// <summary>A key sent once, not empty, as the query parameter <paramref name="parameter"/>; no header alternative.</summary>
    public static SandboxKey Query(string value, string parameter) =>
        new(value, request => QueryValue(request, parameter), "key", $"as ?{parameter}=");

    /// <summary>The key the request carries when it is this one, else null.</summary>
    public string? Authenticate(HttpRequest request) =>
        _find(request) is { } candidate && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _value)
            ? candidate
            : null;

    private static string? BareAuthorization(HttpRequest request) =>
        request.Headers.Authorization.ToString().Trim() is { Length: > 0 } header ? header : null;

    private static string? QueryValue(HttpRequest request, string parameter)
    {
        var values = request.Query[parameter];
        return values.Count == 1 && values[0] is { Length: > 0 } value ? value : null;
    }
}
