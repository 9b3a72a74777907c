using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CampaignPS.Engine.Platforms;

namespace CampaignPS.Connections
{
    /// <summary>
    /// The session defaults set by Connect-*: one connection per platform per runspace, so two
    /// runspaces in one process (jobs, ForEach-Object -Parallel) never see each other's default.
    /// A connection object passed with -Connection works in any runspace.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, Dictionary<Platform, CampaignConnection>> PerRunspace =
            new ConditionalWeakTable<Runspace, Dictionary<Platform, CampaignConnection>>();

        private static readonly Dictionary<Platform, CampaignConnection> WithoutRunspace = new Dictionary<Platform, CampaignConnection>();

        public static CampaignConnection? GetDefault(Platform platform)
        {
            Dictionary<Platform, CampaignConnection> defaults = Current();
            lock (defaults)
            {
                return defaults.TryGetValue(platform, out CampaignConnection? connection) && connection.IsOpen ? connection : null;
            }
        }

        /// <summary>Makes <paramref name="connection"/> the default and returns the one it replaces, if any.</summary>
        public static CampaignConnection? SetDefault(CampaignConnection connection)
        {
            Dictionary<Platform, CampaignConnection> defaults = Current();
            lock (defaults)
            {
                defaults.TryGetValue(connection.Platform, out CampaignConnection? previous);
                defaults[connection.Platform] = connection;
                return previous;
            }
        }

        public static CampaignConnection? RemoveDefault(Platform platform)
        {
            Dictionary<Platform, CampaignConnection> defaults = Current();
            lock (defaults)
            {
                if (defaults.TryGetValue(platform, out CampaignConnection? previous))
                {
                    defaults.Remove(platform);
                }

                return previous;
            }
        }

        public static IReadOnlyList<CampaignConnection> All()
        {
            Dictionary<Platform, CampaignConnection> defaults = Current();
            lock (defaults)
            {
                return new List<CampaignConnection>(defaults.Values);
            }
        }

        private static Dictionary<Platform, CampaignConnection> Current()
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace == null ? WithoutRunspace : PerRunspace.GetValue(runspace, _ => new Dictionary<Platform, CampaignConnection>());
        }
    }
}
