using System.Net.Http.Headers;

namespace CampaignPS.Engine.Http;

/// <summary>Puts a platform's credential on an outgoing request.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Adds the credential to <paramref name="request"/>.</summary>
    void Apply(HttpRequestMessage request, ApiSecret secret);
}

/// <summary><c>Authorization: Bearer KEY</c> (Loops, Outbox, Tether).</summary>
internal sealed class BearerAuthenticator : IRequestAuthenticator
{
    public void Apply(HttpRequestMessage request, ApiSecret secret) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret.Reveal());
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
