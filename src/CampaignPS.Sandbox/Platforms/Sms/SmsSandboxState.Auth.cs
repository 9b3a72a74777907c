using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Sign-in (POST /api/auth/login) and token refresh (POST /api/auth/refresh): issued JWT-shaped tokens with an
/// expiry (exp claim and expiresIn) and rotating refresh tokens. The fixed sandbox token keeps working beside them.</summary>
public sealed partial class SmsSandboxState
{
    /// <summary>The seeded account (its password has spaces on purpose: a password is not a key).</summary>
    public const string AccountEmail = "alex.rep@example.com";
    public const string AccountPassword = "sandbox sms pass 1!";

    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);
    private TimeSpan _tokenLifetime = TimeSpan.FromHours(1);
    private TimeSpan _refreshLifetime = TimeSpan.FromDays(7);

    /// <summary>How long an issued access token works (control route /_sandbox/sms/token-lifetime). Default one hour.</summary>
    public TimeSpan TokenLifetime
    {
        get { lock (Gate) { return _tokenLifetime; } }
        set { lock (Gate) { _tokenLifetime = value; } }
    }

    public int SignIns { get; private set; }

    public int Refreshes { get; private set; }

    /// <summary>Whether <paramref name="token"/> is an issued access token that has not expired.</summary>
    public bool IsValidToken(string token)
    {
        lock (Gate) { return _accessTokens.TryGetValue(token, out var expires) && expires > UtcNow; }
    }

    /// <summary>Test helper: every issued access token expires now (refresh tokens stay valid unless <paramref name="refreshTokensToo"/>).</summary>
    public void ExpireTokens(bool refreshTokensToo)
    {
        lock (Gate)
        {
            foreach (var token in _accessTokens.Keys.ToArray())
            {
                _accessTokens[token] = UtcNow.AddSeconds(-1);
            }
            if (refreshTokensToo)
            {
                _refreshTokens.Clear();
            }
        }
    }

    internal JsonObject SignIn(string email, string password)
    {
        lock (Gate)
        {
            if (!string.Equals(email, AccountEmail, StringComparison.OrdinalIgnoreCase) || !string.Equals(password, AccountPassword, StringComparison.Ordinal))
            {
                throw new PlatformErrorException(StatusCodes.Status401Unauthorized, "Invalid email or password.") { Code = "INVALID_CREDENTIALS" };
            }
            SignIns++;
            return IssueLocked();
        }
    }

    internal JsonObject Refresh(string? refreshToken, string? bearer)
    {
        lock (Gate)
        {
            var now = UtcNow;
            var byRefresh = refreshToken is not null && _refreshTokens.TryGetValue(refreshToken, out var refreshExpires) && refreshExpires > now;
            var byBearer = refreshToken is null && bearer is not null && _accessTokens.TryGetValue(bearer, out var accessExpires) && accessExpires > now;
            if (!byRefresh && !byBearer)
            {
                throw new PlatformErrorException(StatusCodes.Status401Unauthorized, "Invalid or expired refresh token.") { Code = "INVALID_REFRESH_TOKEN" };
            }
            if (byRefresh)
            {
                _refreshTokens.Remove(refreshToken!); // rotated: one use each
            }
            Refreshes++;
            return IssueLocked();
        }
    }

    private void ResetAuth()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
        _tokenLifetime = TimeSpan.FromHours(1);
        SignIns = 0;
        Refreshes = 0;
    }

    private JsonObject IssueLocked()
    {
        var now = UtcNow;
        var expires = now + _tokenLifetime;
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Base64Url($"{{\"sub\":\"{UserId}\",\"org\":\"{OrganizationId}\",\"iat\":{now.ToUnixTimeSeconds()},\"exp\":{expires.ToUnixTimeSeconds()},\"jti\":\"{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}\"}}");
        var token = $"{header}.{payload}.{Base64Url(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))}";
        var refresh = "rt_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _accessTokens[token] = expires;
        _refreshTokens[refresh] = now + _refreshLifetime;
        return new JsonObject
        {
            ["token"] = token,
            ["refreshToken"] = refresh,
            ["expiresIn"] = (long)_tokenLifetime.TotalSeconds,
            ["user"] = new JsonObject { ["_id"] = UserId, ["fullName"] = UserFullName, ["email"] = AccountEmail },
        };
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
