using System.Globalization;

namespace CampaignPS.Sandbox;

/// <summary>Arguments of `dotnet run --project src/CampaignPS.Sandbox -- ...`.</summary>
internal sealed class SandboxCommandLine
{
    public const string Usage =
        "Usage: CampaignPS.Sandbox [--port N] [--ready-file PATH] [--latency-ms N] [--no-rate-limit]\n" +
        "                          [--loops-rps N] [--smartlead-rps N] [--smartlead-rpm N] [--smartlead-rph N]\n" +
        "  --port N            port on 127.0.0.1 (default 0: pick a free port)\n" +
        "  --ready-file P      write the root URL to P once listening (deleted on shutdown)\n" +
        "  --latency-ms N      add N milliseconds to every platform response\n" +
        "  --no-rate-limit     do not enforce the providers' rate limits\n" +
        "  --loops-rps N       Loops' limit per key and second (default 10, as documented)\n" +
        "  --smartlead-rps N   Smartlead's limits per key: per second (default 10), per minute (60), per hour (1000)\n" +
        "  --smartlead-rpm N\n" +
        "  --smartlead-rph N";

    public SandboxOptions Options { get; } = new();

    public string? ReadyFile { get; private set; }

    public bool ShowHelp { get; private set; }

    /// <exception cref="FormatException">An argument is unknown or its value is missing or invalid.</exception>
    public static SandboxCommandLine Parse(IReadOnlyList<string> args)
    {
        var parsed = new SandboxCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port":
                    parsed.Options.Port = IntValue(args, ref i, 0, 65535);
                    break;
                case "--ready-file":
                    parsed.ReadyFile = Value(args, ref i);
                    break;
                case "--latency-ms":
                    parsed.Options.ResponseLatency = TimeSpan.FromMilliseconds(IntValue(args, ref i, 0, int.MaxValue));
                    break;
                case "--no-rate-limit":
                    parsed.Options.EnforceRateLimits = false;
                    break;
                case "--loops-rps":
                    parsed.Options.LoopsRequestsPerSecond = IntValue(args, ref i, 1, int.MaxValue);
                    break;
                case "--smartlead-rps":
                    parsed.Options.SmartleadRequestsPerSecond = IntValue(args, ref i, 1, int.MaxValue);
                    break;
                case "--smartlead-rpm":
                    parsed.Options.SmartleadRequestsPerMinute = IntValue(args, ref i, 1, int.MaxValue);
                    break;
                case "--smartlead-rph":
                    parsed.Options.SmartleadRequestsPerHour = IntValue(args, ref i, 1, int.MaxValue);
                    break;
                case "--help" or "-h" or "-?":
                    parsed.ShowHelp = true;
                    break;
                default:
                    throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }
        return parsed;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        return ++i < args.Count ? args[i] : throw new FormatException($"{name} needs a value.");
    }

    private static int IntValue(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number between {min} and {max} (got '{text}').");
    }
}
