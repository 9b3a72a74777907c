using System.Text;
using CampaignPS.Engine.Journal;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The resumable-run journal: format, states, a torn last line after a crash, header checks, the run lock, row keys.</summary>
public sealed class RunJournalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignps-journal-" + Guid.NewGuid().ToString("N"));

    public RunJournalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name = "j.jsonl") => Path.Combine(_folder, name);

    private static JournalHeader Header(string cmdlet = "New-LoopsCampaign", string endpoint = "http://127.0.0.1:5000/loops/api/v1", string scope = "s1") =>
        new JournalHeader(cmdlet, "Loops", endpoint, scope);

    [Fact]
    public void A_new_journal_starts_with_its_header_and_writes_one_line_per_state_change()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            Assert.False(journal.Resumed);
            journal.Started("a");
            journal.Finished(new JournalOutcome("a", JournalRowState.Done, "cmp_1"));
            journal.Started(new[] { "b", "c" });
            journal.Finished(new[] { new JournalOutcome("b", JournalRowState.Failed, errorId: "LoopsInvalidName"), new JournalOutcome("c", JournalRowState.Unknown, errorId: "LoopsTimeout") });
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(7, lines.Length);
        Assert.Contains("\"format\":\"CampaignPS.Journal\"", lines[0]);
        Assert.Contains("\"cmdlet\":\"New-LoopsCampaign\"", lines[0]);
        Assert.Contains("\"endpoint\":\"http://127.0.0.1:5000/loops/api/v1\"", lines[0]);
        Assert.Contains("\"row\":\"a\",\"state\":\"started\"", lines[1]);
        Assert.Contains("\"state\":\"done\",\"id\":\"cmp_1\"", lines[2]);
        Assert.EndsWith("\n", File.ReadAllText(path));
    }

    [Fact]
    public void Reopening_reads_done_failed_and_unknown_rows_and_a_started_row_without_an_end_is_unknown()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started(new[] { "done", "failed", "unknown", "lost" });
            journal.Finished(new[]
            {
                new JournalOutcome("done", JournalRowState.Done, "cmp_9"),
                new JournalOutcome("failed", JournalRowState.Failed, errorId: "LoopsInvalidName"),
                new JournalOutcome("unknown", JournalRowState.Unknown, errorId: "LoopsTimeout"),
            });
        }

        using RunJournal again = RunJournal.Open(path, Header());
        Assert.True(again.Resumed);
        Assert.Equal(JournalRowState.Done, again.Find("done").State);
        Assert.Equal("cmp_9", again.Find("done").Id);
        Assert.Equal(JournalRowState.Failed, again.Find("failed").State);
        Assert.Equal("LoopsInvalidName", again.Find("failed").ErrorId);
        Assert.Equal(JournalRowState.Unknown, again.Find("unknown").State);
        Assert.Equal(JournalRowState.Unknown, again.Find("lost").State);
        Assert.Null(again.Find("lost").ErrorId);
        Assert.Equal(JournalRowState.New, again.Find("never").State);
    }

    [Fact]
    public void A_later_line_wins_so_a_failed_row_that_is_retried_and_done_is_done()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started("a");
            journal.Finished(new JournalOutcome("a", JournalRowState.Failed, errorId: "LoopsServerError"));
            journal.Started("a");
            journal.Finished(new JournalOutcome("a", JournalRowState.Done, "cmp_2"));
        }

        using RunJournal again = RunJournal.Open(path, Header());
        Assert.Equal(JournalRowState.Done, again.Find("a").State);
        Assert.Equal("cmp_2", again.Find("a").Id);
    }

    [Fact]
    public void A_row_stopped_before_its_request_left_is_cancelled_and_new_again()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started("a");
            journal.Finished(new JournalOutcome("a", JournalRowState.New, errorId: "Cancelled"));
        }

        Assert.Contains("\"state\":\"cancelled\"", File.ReadAllLines(path)[2]);
        using RunJournal again = RunJournal.Open(path, Header());
        Assert.Equal(JournalRowState.New, again.Find("a").State);
    }

    [Theory]
    [InlineData("{\"at\":\"2026-12-02T10:00:00.000Z\",\"row\":\"a\",\"state\":\"do")]
    [InlineData("{\"at\":\"2026-12-02T10:00:00.000Z\",\"row\":\"a\",\"state\":\"done\",\"id\":\"cmp_1\"}")]
    public void A_torn_last_line_after_a_crash_is_dropped_and_the_row_stays_unknown(string torn)
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started("a");
        }

        // The process died while writing the final line: no newline made it (or only part of the line).
        File.AppendAllText(path, torn, new UTF8Encoding(false));
        using (RunJournal again = RunJournal.Open(path, Header()))
        {
            Assert.Equal(torn, again.DroppedTail);
            Assert.Equal(JournalRowState.Unknown, again.Find("a").State);
            again.Started("b");
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"row\":\"b\"", lines[2]);
        Assert.DoesNotContain(lines, line => line.Contains("\"state\":\"do\"", StringComparison.Ordinal) || line.Contains("cmp_1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_torn_header_is_rewritten()
    {
        string path = PathOf();
        File.WriteAllText(path, "{\"format\":\"CampaignPS.Jour", new UTF8Encoding(false));
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            Assert.False(journal.Resumed);
        }

        Assert.Contains("\"format\":\"CampaignPS.Journal\"", File.ReadAllLines(path)[0]);
    }

    [Fact]
    public void A_damaged_line_before_the_last_is_refused_as_corrupt()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started("a");
        }

        File.AppendAllText(path, "{\"row\": broken\n{\"at\":\"x\",\"row\":\"b\",\"state\":\"started\"}\n");
        JournalException failure = Assert.Throws<JournalException>(() => RunJournal.Open(path, Header()));
        Assert.Equal("CampaignJournalCorrupt", failure.ErrorId);
        Assert.Contains("line 3", failure.Message);
    }

    [Theory]
    [InlineData("Add-SmartleadLead", "http://127.0.0.1:5000/loops/api/v1", "s1", "written by New-LoopsCampaign")]
    [InlineData("New-LoopsCampaign", "https://app.loops.so/api/v1", "s1", "written against Loops at http://127.0.0.1:5000/loops/api/v1")]
    [InlineData("New-LoopsCampaign", "http://127.0.0.1:5000/loops/api/v1", "s2", "other parameters")]
    public void A_journal_from_another_pipeline_is_refused_before_anything_is_written(string cmdlet, string endpoint, string scope, string expected)
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            journal.Started("a");
        }

        string before = File.ReadAllText(path);
        JournalException failure = Assert.Throws<JournalException>(() => RunJournal.Open(path, Header(cmdlet, endpoint, scope)));
        Assert.Equal("CampaignJournalMismatch", failure.ErrorId);
        Assert.Contains(expected, failure.Message);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_refused_and_left_alone()
    {
        string path = PathOf("rows.csv");
        File.WriteAllText(path, "Name,MailingListId");
        JournalException failure = Assert.Throws<JournalException>(() => RunJournal.Open(path, Header()));
        Assert.Equal("CampaignJournalMismatch", failure.ErrorId);
        Assert.Equal("Name,MailingListId", File.ReadAllText(path));
    }

    [Fact]
    public void A_second_run_cannot_open_a_journal_in_use_but_can_read_it_and_can_open_it_after_the_first_ends()
    {
        string path = PathOf();
        using (RunJournal first = RunJournal.Open(path, Header()))
        {
            first.Started("a");
            JournalException failure = Assert.Throws<JournalException>(() => RunJournal.Open(path, Header()));
            Assert.Equal("CampaignJournalInUse", failure.ErrorId);

            // The journal stays readable while a run holds it (tail it, or poll it from a test).
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Assert.True(reader.Length > 0);
        }

        using RunJournal second = RunJournal.Open(path, Header());
        Assert.Equal(JournalRowState.Unknown, second.Find("a").State);
    }

    [Fact]
    public void A_read_only_journal_for_WhatIf_creates_no_file_and_writes_nothing()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header(), readOnly: true))
        {
            journal.Started("a");
        }

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public async Task Concurrent_writers_each_keep_their_rows_lines_in_order()
    {
        string path = PathOf();
        using (RunJournal journal = RunJournal.Open(path, Header()))
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            {
                journal.Started("row" + i);
                journal.Finished(new JournalOutcome("row" + i, JournalRowState.Done, "id" + i));
            })));
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(101, lines.Length);
        for (int i = 0; i < 50; i++)
        {
            int started = Array.FindIndex(lines, line => line.Contains($"\"row\":\"row{i}\",\"state\":\"started\"", StringComparison.Ordinal));
            int done = Array.FindIndex(lines, line => line.Contains($"\"row\":\"row{i}\",\"state\":\"done\"", StringComparison.Ordinal));
            Assert.True(started > 0 && done > started, $"row{i}: started at {started}, done at {done}");
        }

        using RunJournal again = RunJournal.Open(path, Header());
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(JournalRowState.Done, again.Find("row" + i).State));
    }

    [Fact]
    public void Writes_after_the_journal_is_closed_are_ignored_so_an_abandoned_request_stays_unknown()
    {
        string path = PathOf();
        RunJournal journal = RunJournal.Open(path, Header());
        journal.Started("a");
        journal.Dispose();
        journal.Finished(new JournalOutcome("a", JournalRowState.Done, "cmp_1"));

        using RunJournal again = RunJournal.Open(path, Header());
        Assert.Equal(JournalRowState.Unknown, again.Find("a").State);
    }

    [Fact]
    public void The_endpoint_keeps_scheme_host_port_and_path_and_drops_user_info_and_query()
    {
        Assert.Equal("https://server.smartlead.ai/api/v1", JournalHeader.EndpointOf(new Uri("https://user:secret@server.smartlead.ai/api/v1/?api_key=k#x")));
        Assert.Equal("http://127.0.0.1:5123/loops/api/v1", JournalHeader.EndpointOf(new Uri("http://127.0.0.1:5123/loops/api/v1")));
    }

    [Fact]
    public void The_default_row_key_is_a_stable_hash_of_names_and_values_in_any_order()
    {
        string key = JournalRowKey.Hash(new Dictionary<string, string?> { ["Name"] = "Spring", ["MailingListId"] = "list_1" });
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, JournalRowKey.Hash(new Dictionary<string, string?> { ["MailingListId"] = "list_1", ["Name"] = "Spring" }));
        Assert.NotEqual(key, JournalRowKey.Hash(new Dictionary<string, string?> { ["Name"] = "Spring", ["MailingListId"] = "list_2" }));
        Assert.NotEqual(key, JournalRowKey.Hash(new Dictionary<string, string?> { ["Name"] = "Spring", ["MailingListId"] = null }));
        Assert.NotEqual(JournalRowKey.Hash(new Dictionary<string, string?> { ["a"] = "" }), JournalRowKey.Hash(new Dictionary<string, string?> { ["a"] = null }));

        // Known answer: SHA-256 of {"a":"b"}, so the key does not change between versions or machines.
        Assert.Equal("db4a7ecb114bc66c623a06c4ff6fe8daa2f49cc270ebbf7a1f81e22ab061c837", JournalRowKey.Hash(new Dictionary<string, string?> { ["a"] = "b" }));
    }
}
