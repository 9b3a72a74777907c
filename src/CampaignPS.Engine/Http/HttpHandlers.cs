using System.Net;

namespace CampaignPS.Engine.Http;

/// <summary>
/// The HTTP handler a connection sends through: SocketsHttpHandler for PowerShell 7, HttpClientHandler for Windows
/// PowerShell 5.1. Redirects are never followed (a redirect is reported, see AttemptPolicy): the key must not travel
/// to whatever host a redirect names, and a create must not turn into a GET. A proxy's user name and password, when
/// written into -Proxy, become its credentials and leave the address, so that no message can show them.
/// </summary>
internal static class HttpHandlers
{
    public static HttpMessageHandler Create(ApiConnectionOptions options)
    {
        IWebProxy? proxy = options.Proxy == null ? null : CreateProxy(options);
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#else
        // Windows PowerShell 5.1 on older .NET Framework builds may not offer TLS 1.2 by default.
        if (ServicePointManager.SecurityProtocol != 0 && (ServicePointManager.SecurityProtocol & SecurityProtocolType.Tls12) == 0)
        {
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
        };
#endif
        if (proxy != null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        return handler;
    }

    /// <summary>The proxy address without any user name or password in it.</summary>
    public static Uri WithoutUserInfo(Uri proxy) =>
        string.IsNullOrEmpty(proxy.UserInfo) ? proxy : new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri;

    private static WebProxy CreateProxy(ApiConnectionOptions options)
    {
        Uri address = options.Proxy!;
        ICredentials? credentials = options.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : options.ProxyCredentials;
        if (credentials == null && !string.IsNullOrEmpty(address.UserInfo))
        {
            string[] parts = address.UserInfo.Split(new[] { ':' }, 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }

        return new WebProxy(WithoutUserInfo(address))
        {
            // The sandbox and local proxies live on loopback: do not skip the proxy for local addresses.
            BypassProxyOnLocal = false,
            Credentials = credentials,
        };
    }
}
