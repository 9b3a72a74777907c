using System.IO;
using System.Net;
using System.Net.Sockets;

namespace CampaignPS.Engine.Http;

/// <summary>Tells a connection that never opened (safe to resend anything) from one that failed after the request may have left.</summary>
internal static class TransportFailure
{
    public static bool IsConnectFailure(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            if (current is SocketException socket &&
                (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound ||
                 socket.SocketErrorCode == SocketError.NetworkUnreachable || socket.SocketErrorCode == SocketError.HostUnreachable))
            {
                return true;
            }

            if (current is WebException web &&
                (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure ||
                 web.Status == WebExceptionStatus.ProxyNameResolutionFailure))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTransportException(Exception exception) => exception is HttpRequestException || exception is IOException;

    /// <summary>The innermost message, which names the cause (refused, reset, DNS) better than the wrapper.</summary>
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
