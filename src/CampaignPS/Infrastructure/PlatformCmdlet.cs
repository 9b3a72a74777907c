using System;
using System.Management.Automation;
using CampaignPS.Connections;
using CampaignPS.Engine.Platforms;

namespace CampaignPS.Infrastructure
{
    /// <summary>Base of the cmdlets that call a platform: adds -Connection and finds the session default otherwise.</summary>
    public abstract class PlatformCmdlet : CampaignCmdlet
    {
        private CampaignConnection? _resolved;

        /// <summary>
        /// <para type="description">The connection to use (from Connect-* -PassThru). Defaults to the session's last Connect-* for this platform.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public CampaignConnection? Connection { get; set; }

        /// <summary>The platform this cmdlet calls.</summary>
        protected abstract PlatformInfo Platform { get; }

        /// <summary>The connection in use; a missing or mismatched connection ends the run.</summary>
        protected CampaignConnection CurrentConnection => _resolved ?? throw new InvalidOperationException("The connection is resolved in BeginProcessing.");

        /// <summary>
        /// Finds the connection on the pipeline thread: the session default is kept per runspace, and
        /// engine work runs on pool threads that have no runspace.
        /// </summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _resolved = Resolve();
        }

        /// <summary>The throttle limit given, or the platform's default.</summary>
        protected int Throttle(int? given) => given ?? Platform.DefaultThrottleLimit;

        private CampaignConnection Resolve()
        {
            CampaignConnection? connection = Connection ?? ConnectionRegistry.GetDefault(Platform.Platform);
            if (connection == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"Not connected to {Platform.DisplayName}. Run {Platform.ConnectCommand} first (it reads -ApiKey, -Credential or ${Platform.ApiKeyEnvironmentVariable}), or pass -Connection."),
                    Platform.ErrorIdPrefix + "NotConnected", ErrorCategory.AuthenticationError, null));
            }

            if (connection!.Platform != Platform.Platform)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Connection is a {connection.Platform} connection; this cmdlet needs a {Platform.DisplayName} connection from {Platform.ConnectCommand}."),
                    Platform.ErrorIdPrefix + "WrongConnection", ErrorCategory.InvalidArgument, connection));
            }

            if (!connection.IsOpen)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"This {Platform.DisplayName} connection was closed. Run {Platform.ConnectCommand} again."),
                    Platform.ErrorIdPrefix + "ConnectionClosed", ErrorCategory.ResourceUnavailable, connection));
            }

            return connection;
        }
    }
}
