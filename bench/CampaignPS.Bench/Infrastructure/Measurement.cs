using System.Diagnostics;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>The elapsed time and peak managed heap of one measured run.</summary>
internal readonly record struct Measured<T>(T Value, TimeSpan Elapsed, long PeakManagedBytes);

/// <summary>
/// Times a run and samples the managed heap (GC.GetTotalMemory without forcing a collection) while it
/// goes, starting from a fully collected heap so that runs in one process can be compared.
/// </summary>
internal static class Measurement
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<Measured<T>> RunAsync<T>(Func<Task<T>> run)
    {
        CollectEverything();
        using var sampler = new PeakSampler();
        var stopwatch = Stopwatch.StartNew();
        T value = await run();
        stopwatch.Stop();
        return new Measured<T>(value, stopwatch.Elapsed, sampler.Stop());
    }

    public static void CollectEverything()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopping;
        private long _peak = GC.GetTotalMemory(false);

        public PeakSampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Name = "bench memory sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stopping = true;
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false));
        }

        public void Dispose()
        {
            if (!_stopping)
            {
                Stop();
            }
        }

        private void Sample()
        {
            while (!_stopping)
            {
                long now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                Thread.Sleep(SampleInterval);
            }
        }
    }
}
