using System.Net.Http.Headers;

namespace CampaignPS.Engine.Http;

/// <summary>An authenticator whose credential can be renewed: the transport asks for a fresh one before a request and after a 401.</summary>
internal interface IRenewingAuthenticator : IRequestAuthenticator
{
    /// <summary>Counts the credentials issued so far; a 401 renews only when the rejected one is still current.</summary>
    int Generation { get; }

    /// <summary>Signs in when there is no credential yet, and renews one that expires soon.</summary>
    Task EnsureFreshAsync(CancellationToken cancellationToken);

    /// <summary>After a 401 with the credential of <paramref name="generation"/>: renews it (or signs in again). False when it cannot be renewed.</summary>
    Task<bool> RenewAfterRejectionAsync(int generation, CancellationToken cancellationToken);
}

/// <summary>A bearer token from a sign-in, with what renewing it takes.</summary>
internal sealed class IssuedToken
{
    public IssuedToken(ApiSecret token, ApiSecret? refreshToken, DateTimeOffset? expiresAt)
    {
        Token = token;
        RefreshToken = refreshToken;
        ExpiresAt = expiresAt;
    }

    public ApiSecret Token { get; }

    public ApiSecret? RefreshToken { get; }

    /// <summary>When the token stops working; null when the answer did not say (then it is renewed after a 401).</summary>
    public DateTimeOffset? ExpiresAt { get; }
}

/// <summary>
/// <c>Authorization: Bearer TOKEN</c> with a token that a sign-in issued: signs in on first use, renews the token
/// shortly before it expires (or after a 401), and signs in again when renewal is refused. One renewal at a time
/// for all callers of the connection. Every token it ever held is masked in errors and logs.
/// </summary>
internal sealed class RenewingBearerAuthenticator : IRenewingAuthenticator, IScrubbingAuthenticator, IDisposable
{
    private readonly Func<CancellationToken, Task<IssuedToken>> _signIn;
    private readonly Func<IssuedToken, CancellationToken, Task<IssuedToken>> _renew;
    private readonly Func<DateTimeOffset> _now;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private readonly List<ApiSecret> _held = new List<ApiSecret>();
    private IssuedToken? _current;
    private int _generation;

    public RenewingBearerAuthenticator(Func<CancellationToken, Task<IssuedToken>> signIn, Func<IssuedToken, CancellationToken, Task<IssuedToken>> renew, Func<DateTimeOffset> now)
    {
        _signIn = signIn;
        _renew = renew;
        _now = now;
    }

    /// <summary>How long before its expiry a token is renewed. Default one minute.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromMinutes(1);

    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The current token's expiry (null before sign-in or when unknown).</summary>
    public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

    /// <summary>Renewals so far (a sign-in again counts as one).</summary>
    public int Renewals { get; private set; }

    public void Apply(HttpRequestMessage request, ApiSecret secret)
    {
        // The connection's own secret is the password: it never goes in a header.
        IssuedToken current = _current ?? throw new InvalidOperationException("Not signed in yet.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.Token.Reveal());
    }

    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_current))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh(_current))
            {
                await RenewLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> RenewAfterRejectionAsync(int generation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Generation != generation)
            {
                return true; // another caller renewed it meanwhile
            }

            await RenewLockedAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CampaignApiException)
        {
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public string ScrubFrom(string text)
    {
        ApiSecret[] held;
        lock (_held)
        {
            held = _held.ToArray();
        }

        foreach (ApiSecret secret in held)
        {
            text = secret.ScrubFrom(text);
        }

        return text;
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(IssuedToken? token) =>
        token != null && (!token.ExpiresAt.HasValue || token.ExpiresAt.Value - _now() > RenewBefore);

    private async Task RenewLockedAsync(CancellationToken cancellationToken)
    {
        IssuedToken next;
        if (_current == null)
        {
            next = await _signIn(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                next = await _renew(_current, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignApiException refused) when (refused.StatusCode == System.Net.HttpStatusCode.Unauthorized || refused.StatusCode == System.Net.HttpStatusCode.BadRequest || refused.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                // The refresh was refused (the token expired too long ago, or was revoked): sign in again.
                next = await _signIn(cancellationToken).ConfigureAwait(false);
            }

            Renewals++;
        }

        lock (_held)
        {
            _held.Add(next.Token);
            if (next.RefreshToken != null)
            {
                _held.Add(next.RefreshToken);
            }
        }

        _current = next;
        Interlocked.Increment(ref _generation);
    }
}
