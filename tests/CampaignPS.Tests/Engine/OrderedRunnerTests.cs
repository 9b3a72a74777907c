using CampaignPS.Engine.Pipeline;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>Concurrency for bulk cmdlets: at most ThrottleLimit in flight, results in input order, on the calling thread.</summary>
public sealed class OrderedRunnerTests
{
    [Fact]
    public void Results_come_back_in_input_order_although_they_finish_in_reverse()
    {
        var bridge = new PipelineBridge(new NullWriter());
        var gates = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var delivered = new List<(int Item, int Result, int Thread)>();
        int callingThread = Environment.CurrentManagedThreadId;
        var runner = new OrderedRunner(bridge, throttleLimit: 5);

        for (int i = 0; i < 5; i++)
        {
            int index = i;
            runner.Submit(_ => gates[index].Task, task => delivered.Add((index, task.Result, Environment.CurrentManagedThreadId)), CancellationToken.None);
        }

        for (int i = 4; i >= 0; i--)
        {
            gates[i].SetResult(i * 10);
        }

        runner.Complete();

        Assert.Equal([0, 1, 2, 3, 4], delivered.Select(d => d.Item));
        Assert.Equal([0, 10, 20, 30, 40], delivered.Select(d => d.Result));
        Assert.All(delivered, d => Assert.Equal(callingThread, d.Thread));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void No_more_than_the_throttle_limit_run_at_once(int throttleLimit)
    {
        var bridge = new PipelineBridge(new NullWriter());
        int running = 0;
        int peak = 0;
        var delivered = new List<int>();
        var runner = new OrderedRunner(bridge, throttleLimit);

        for (int i = 0; i < 20; i++)
        {
            int index = i;
            runner.Submit(async _ =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Yield();
                await Task.Delay(1);
                Interlocked.Decrement(ref running);
                return index;
            }, task => delivered.Add(task.Result), CancellationToken.None);
        }

        runner.Complete();

        Assert.Equal(Enumerable.Range(0, 20), delivered);
        Assert.InRange(peak, 1, throttleLimit);
    }

    [Fact]
    public void A_limit_raised_while_records_are_in_flight_lets_the_next_records_start_at_once()
    {
        var bridge = new PipelineBridge(new NullWriter());
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        int limit = 2;
        int started = 0;
        var delivered = new List<int>();
        var runner = new OrderedRunner(bridge, () => Volatile.Read(ref limit));

        // Were the raised limit ignored, the third Submit would wait for a record that never finishes: the safety timer
        // then finishes them all, and the assertion below names the failure instead of hanging the suite.
        using var safety = new Timer(_ => Array.ForEach(gates, g => g.TrySetResult(-1)), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        for (int i = 0; i < 4; i++)
        {
            if (i == 2)
            {
                Volatile.Write(ref limit, 4);
            }

            int index = i;
            runner.Submit(_ =>
            {
                Interlocked.Increment(ref started);
                return gates[index].Task;
            }, task => delivered.Add(task.Result), CancellationToken.None);
        }

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref started) == 4, TimeSpan.FromSeconds(5)), "four records in flight once the limit was raised to 4");
        Assert.All(gates, g => Assert.False(g.Task.IsCompleted));
        for (int i = 0; i < 4; i++)
        {
            gates[i].SetResult(i);
        }

        runner.Complete();
        Assert.Equal([0, 1, 2, 3], delivered);
    }

    [Fact]
    public void A_failure_is_delivered_in_its_place_and_the_rest_go_on()
    {
        var bridge = new PipelineBridge(new NullWriter());
        var outcomes = new List<string>();
        var runner = new OrderedRunner(bridge, 4);

        for (int i = 0; i < 4; i++)
        {
            int index = i;
            runner.Submit(
                _ => index == 1 ? Task.FromException<int>(new InvalidOperationException("bad record")) : Task.FromResult(index),
                task => outcomes.Add(task.IsFaulted ? $"{index}: {task.Exception!.InnerException!.Message}" : $"{index}: ok"),
                CancellationToken.None);
        }

        runner.Complete();

        Assert.Equal(["0: ok", "1: bad record", "2: ok", "3: ok"], outcomes);
    }

    [Fact]
    public void Log_lines_from_work_still_running_between_submits_reach_the_pipeline_thread()
    {
        var writer = new RecordingWriter();
        var bridge = new PipelineBridge(writer);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new OrderedRunner(bridge, 2);

        runner.Submit(async _ =>
        {
            PipelineBridge.Current!.Post(PipelineMessageKind.Verbose, "working on 1");
            await release.Task;
            return 1;
        }, task => writer.Write(PipelineMessageKind.Verbose, $"delivered {task.Result}"), CancellationToken.None);
        release.SetResult(true);
        runner.Complete();

        Assert.Equal(["working on 1", "delivered 1"], writer.Lines);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class NullWriter : IPipelineWriter
    {
        public void Write(PipelineMessageKind kind, string text)
        {
        }
    }

    private sealed class RecordingWriter : IPipelineWriter
    {
        public List<string> Lines { get; } = [];

        public void Write(PipelineMessageKind kind, string text) => Lines.Add(text);
    }
}
