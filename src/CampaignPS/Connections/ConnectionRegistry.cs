using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CampaignPS.Connections;

/// <summary>
/// The connections made in a session: every one Connect-* opened, and the default per platform
/// (the last one connected). Kept per runspace, so two runspaces in one process (jobs,
/// ForEach-Object -Parallel) never see each other's default; a connection object passed with
/// -Connection works in any runspace.
/// </summary>
internal static class ConnectionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, SessionConnections> PerRunspace = new ConditionalWeakTable<Runspace, SessionConnections>();
    private static readonly SessionConnections WithoutRunspace = new SessionConnections();

    public static CampaignConnection? GetDefault(Platform platform)
    {
        SessionConnections session = Current();
        lock (session)
        {
            return session.Defaults.TryGetValue(platform, out CampaignConnection? connection) && connection.IsOpen ? connection : null;
        }
    }

    /// <summary>Records <paramref name="connection"/> and makes it the platform's default.</summary>
    public static void Add(CampaignConnection connection)
    {
        SessionConnections session = Current();
        lock (session)
        {
            session.All.RemoveAll(c => !c.IsOpen);
            session.All.Add(connection);
            session.Defaults[connection.Platform] = connection;
        }
    }

    public static CampaignConnection? RemoveDefault(Platform platform)
    {
        SessionConnections session = Current();
        lock (session)
        {
            if (session.Defaults.TryGetValue(platform, out CampaignConnection? previous))
            {
                session.Defaults.Remove(platform);
            }

            return previous;
        }
    }

    /// <summary>Closes every connection this session opened and forgets the defaults (Remove-Module).</summary>
    public static void CloseAll()
    {
        SessionConnections session = Current();
        List<CampaignConnection> open;
        lock (session)
        {
            open = session.All.ToList();
            session.All.Clear();
            session.Defaults.Clear();
        }

        foreach (CampaignConnection connection in open)
        {
            connection.Dispose();
        }
    }

    /// <summary>The open connections of this session, oldest first.</summary>
    public static IReadOnlyList<CampaignConnection> All()
    {
        SessionConnections session = Current();
        lock (session)
        {
            foreach (CampaignConnection connection in session.All)
            {
                connection.IsDefault = session.Defaults.TryGetValue(connection.Platform, out CampaignConnection? current) && ReferenceEquals(current, connection);
            }

            return session.All.Where(c => c.IsOpen).ToList();
        }
    }

    private static SessionConnections Current()
    {
        Runspace? runspace = Runspace.DefaultRunspace;
        return runspace == null ? WithoutRunspace : PerRunspace.GetValue(runspace, _ => new SessionConnections());
    }

    private sealed class SessionConnections
    {
        public Dictionary<Platform, CampaignConnection> Defaults { get; } = new Dictionary<Platform, CampaignConnection>();

        public List<CampaignConnection> All { get; } = new List<CampaignConnection>();
    }
}
