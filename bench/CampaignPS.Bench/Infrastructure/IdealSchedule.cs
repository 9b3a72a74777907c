namespace CampaignPS.Bench.Infrastructure;

/// <summary>A rate-limit window: at most <see cref="Count"/> requests in any <see cref="Seconds"/>.</summary>
internal readonly record struct RateWindow(int Count, double Seconds);

/// <summary>
/// The best a well-behaved client can do under a provider's limits: requests evenly spaced at the per-second rate (a
/// burst of ten at once is what a server counting arrivals refuses when two of them bunch up, and issue 12 asks for even
/// spacing), each sent the moment every longer sliding window allows it. Its span from first to last request is the
/// effective limit a run is compared with, so a run held by Smartlead's 60 per minute is judged against 60 per minute,
/// not against 10 per second.
/// </summary>
internal static class IdealSchedule
{
    public static double SpanSeconds(int requests, double perSecond, params RateWindow[] longerWindows)
    {
        if (requests == 0)
        {
            return 0;
        }

        var times = new double[requests];
        for (int i = 1; i < requests; i++)
        {
            double at = times[i - 1] + 1.0 / perSecond;
            foreach (RateWindow window in longerWindows)
            {
                if (i >= window.Count)
                {
                    at = Math.Max(at, times[i - window.Count] + window.Seconds);
                }
            }

            times[i] = at;
        }

        return times[^1];
    }
}
