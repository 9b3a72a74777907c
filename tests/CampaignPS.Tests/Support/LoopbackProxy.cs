using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CampaignPS.Tests.Support;

/// <summary>
/// A real HTTP forward proxy on a loopback port, enough for plain-http requests: it reads one request
/// per connection (absolute URI), optionally demands Basic credentials with 407, forwards it to the
/// origin with "Connection: close" and relays the answer. It records what passed through.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _expectedAuthorization;
    private readonly Task _acceptLoop;

    public LoopbackProxy(string? user = null, string? password = null)
    {
        if (user != null)
        {
            _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }

        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri Uri { get; }

    /// <summary>Request lines forwarded to the origin ("GET http://127.0.0.1:1234/...").</summary>
    public ConcurrentQueue<string> Forwarded { get; } = new();

    /// <summary>Requests refused with 407.</summary>
    public int Challenged => _challenged;

    private int _challenged;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream downstream = client.GetStream();
            (string head, byte[] body) = await ReadRequestAsync(downstream);
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(l => l.Length > 0).ToList();
            string? authorization = headers.FirstOrDefault(h => h.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Trim();
            if (_expectedAuthorization != null && authorization != _expectedAuthorization)
            {
                Interlocked.Increment(ref _challenged);
                byte[] challenge = Encoding.ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await downstream.WriteAsync(challenge);
                return;
            }

            var target = new Uri(requestLine[1]);
            Forwarded.Enqueue($"{requestLine[0]} {target}");
            var forwardedHead = new StringBuilder($"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n");
            foreach (string header in headers.Where(h => !h.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)))
            {
                forwardedHead.Append(header).Append("\r\n");
            }

            forwardedHead.Append("Connection: close\r\n\r\n");
            using var origin = new TcpClient();
            await origin.ConnectAsync(target.Host, target.Port);
            NetworkStream upstream = origin.GetStream();
            await upstream.WriteAsync(Encoding.ASCII.GetBytes(forwardedHead.ToString()));
            await upstream.WriteAsync(body);
            await upstream.CopyToAsync(downstream);
        }
    }

    private static async Task<(string Head, byte[] Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer) && await stream.ReadAsync(one) == 1)
        {
            buffer.Add(one[0]);
        }

        string head = Encoding.ASCII.GetString(buffer.ToArray());
        string[] lines = head.Split("\r\n");
        string? length = lines.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Trim();
        bool chunked = lines.Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && l.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        byte[] body = chunked ? await ReadChunkedAsync(stream) : await ReadExactlyAsync(stream, length == null ? 0 : int.Parse(length));
        return (head.TrimEnd('\r', '\n'), body);
    }

    // The chunked body is relayed as it came (the Transfer-Encoding header is kept).
    private static async Task<byte[]> ReadChunkedAsync(NetworkStream stream)
    {
        var raw = new List<byte>();
        while (true)
        {
            string sizeLine = await ReadLineAsync(stream, raw);
            int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            raw.AddRange(await ReadExactlyAsync(stream, size + 2));
            if (size == 0)
            {
                return raw.ToArray();
            }
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, List<byte> raw)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            raw.Add(one[0]);
            line.Add(one[0]);
            if (line.Count >= 2 && line[^2] == '\r' && line[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r', '\n');
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count)
    {
        var bytes = new byte[count];
        int read = 0;
        while (read < count)
        {
            int got = await stream.ReadAsync(bytes.AsMemory(read));
            if (got == 0)
            {
                break;
            }

            read += got;
        }

        return bytes;
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';
}
