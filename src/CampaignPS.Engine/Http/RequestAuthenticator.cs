using System.Net.Http.Headers;

namespace CampaignPS.Engine.Http;

/// <summary>Puts a platform's credential on an outgoing request.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Adds the credential to <paramref name="request"/>.</summary>
    void Apply(HttpRequestMessage request, ApiSecret secret);
}

/// <summary>An authenticator that holds secrets of its own (a token it renews): the transport masks them too.</summary>
internal interface IScrubbingAuthenticator : IRequestAuthenticator
{
    /// <summary>Masks every secret the authenticator holds in <paramref name="text"/>.</summary>
    string ScrubFrom(string text);
}

/// <summary>No credential at all (a sign-in request, which carries the user's password in its body).</summary>
internal sealed class NoAuthenticator : IRequestAuthenticator
{
    public static NoAuthenticator Instance { get; } = new NoAuthenticator();

    public void Apply(HttpRequestMessage request, ApiSecret secret)
    {
    }
}

/// <summary><c>Authorization: Bearer KEY</c> (Loops, Outbox, Tether).</summary>
internal sealed class BearerAuthenticator : IRequestAuthenticator
{
    public void Apply(HttpRequestMessage request, ApiSecret secret) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret.Reveal());
}

/// <summary><c>Authorization: Bearer TOKEN</c> with a token of its own rather than the connection's secret (a token refresh).</summary>
internal sealed class TokenBearerAuthenticator : IRequestAuthenticator
{
    private readonly ApiSecret _token;

    public TokenBearerAuthenticator(ApiSecret token) => _token = token;

    public void Apply(HttpRequestMessage request, ApiSecret secret) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Reveal());
}

/// <summary><c>Authorization: KEY</c> with no scheme, as Outbox's contacts page documents.</summary>
internal sealed class RawAuthorizationAuthenticator : IRequestAuthenticator
{
    public void Apply(HttpRequestMessage request, ApiSecret secret) =>
        request.Headers.TryAddWithoutValidation("Authorization", secret.Reveal());
}

/// <summary>The key as a query-string parameter (Smartlead's <c>?api_key=</c>). Every URL logged is redacted.</summary>
internal sealed class QueryStringAuthenticator : IRequestAuthenticator
{
    private readonly string _parameterName;

    public QueryStringAuthenticator(string parameterName) => _parameterName = parameterName;

    public void Apply(HttpRequestMessage request, ApiSecret secret)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        string separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        request.RequestUri = new Uri(uri + separator + _parameterName + "=" + Uri.EscapeDataString(secret.Reveal()));
    }
}
