namespace CampaignPS.Sandbox;

/// <summary>Thread-safe record of platform requests in arrival order (control routes are not logged).</summary>
public sealed class SandboxRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(entry => entry.Request).ToArray();
        }
    }

    public int Count(string method, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        lock (_gate)
        {
            return _entries.Count(entry =>
                string.Equals(entry.Request.Method, method, StringComparison.OrdinalIgnoreCase)
                && entry.Request.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    // Entries are added on arrival so that Count() already sees a request whose response is still
    // being written; the status is filled in when the response starts.
    internal Entry Begin(SandboxRequest request)
    {
        var entry = new Entry(this, request);
        lock (_gate)
        {
            _entries.Add(entry);
        }
        return entry;
    }

    internal sealed class Entry(SandboxRequestLog log, SandboxRequest request)
    {
        private bool _completed;

        public SandboxRequest Request { get; private set; } = request;

        /// <summary>Records the outcome; only the first call counts (0 = no response was sent).</summary>
        public void Complete(int statusCode)
        {
            lock (log._gate)
            {
                if (!_completed)
                {
                    _completed = true;
                    Request = Request with { StatusCode = statusCode };
                }
            }
        }
    }
}
