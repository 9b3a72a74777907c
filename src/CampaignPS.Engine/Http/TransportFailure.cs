using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CampaignPS.Engine.Http;

/// <summary>Why a request could not be sent at all (see <see cref="TransportFailure.NothingSent"/>).</summary>
internal enum NotSentCause
{
    /// <summary>The TLS handshake failed: the server's certificate was rejected (or TLS could not be agreed).</summary>
    Certificate,

    /// <summary>The proxy answered the tunnel request (CONNECT) with 407.</summary>
    ProxyAuthentication,

    /// <summary>The host name did not resolve.</summary>
    NameResolution,
}

/// <summary>
/// Tells the ways a request can fail on the way out apart: nothing was sent (safe to report plainly, pointless to
/// repeat), the connection never opened (safe to send again), or it failed after the request may have left.
/// </summary>
internal static class TransportFailure
{
    /// <summary>
    /// True when the failure happened before any byte of the request left: the TLS handshake, the proxy's CONNECT, or
    /// name resolution. Sending again gives the same answer, so it is reported at once with its cause.
    /// </summary>
    public static bool NothingSent(Exception exception, out NotSentCause cause)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    cause = NotSentCause.NameResolution;
                    return true;
                case HttpRequestError.SecureConnectionError:
                    cause = NotSentCause.Certificate;
                    return true;
                case HttpRequestError.ProxyTunnelError when http.Message.IndexOf("407", StringComparison.Ordinal) >= 0:
                    cause = NotSentCause.ProxyAuthentication;
                    return true;
            }
        }
#endif
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            if (current is AuthenticationException)
            {
                cause = NotSentCause.Certificate;
                return true;
            }

            if (current is SocketException socket && (socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData))
            {
                cause = NotSentCause.NameResolution;
                return true;
            }

            if (current is WebException web)
            {
                switch (web.Status)
                {
                    case WebExceptionStatus.NameResolutionFailure:
                    case WebExceptionStatus.ProxyNameResolutionFailure:
                        cause = NotSentCause.NameResolution;
                        return true;
                    case WebExceptionStatus.TrustFailure:
                    case WebExceptionStatus.SecureChannelFailure:
                        cause = NotSentCause.Certificate;
                        return true;
                }
            }
        }

        cause = default;
        return false;
    }

    /// <summary>True when the connection never opened (refused, unreachable): nothing was sent, and trying again may work.</summary>
    public static bool IsConnectFailure(Exception exception)
    {
#if NET8_0_OR_GREATER
        // A proxy that refused the tunnel for another reason than 407: the request itself never left either.
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError })
        {
            return true;
        }
#endif
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            if (current is SocketException socket &&
                (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.NetworkUnreachable || socket.SocketErrorCode == SocketError.HostUnreachable))
            {
                return true;
            }

            if (current is WebException web && web.Status == WebExceptionStatus.ConnectFailure)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTransportException(Exception exception) => exception is HttpRequestException || exception is IOException;

    /// <summary>The innermost message, which names the cause (refused, reset, DNS, certificate) better than the wrapper.</summary>
    public static string Describe(Exception exception)
    {
        Exception inner = exception;
        while (inner.InnerException != null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.TrimEnd('.');
    }
}
