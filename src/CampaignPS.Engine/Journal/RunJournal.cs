using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CampaignPS.Engine.Journal;

/// <summary>
/// A resumable run's journal: an append-only JSON Lines file. The first line is the header (format, version, cmdlet,
/// platform, endpoint, scope); then one line per state change of a row: <c>started</c> before its request is
/// sent, and <c>done</c> (with the id), <c>failed</c> or <c>unknown</c> (with the ErrorId) when it ends, or
/// <c>cancelled</c> when the run stopped it before it left (waiting for its pacing slot). Every line
/// is flushed to disk (fsync) before the call returns, so after a crash the file says at least what was sent. A
/// torn last line (the process died while writing it) is dropped on open; a row with <c>started</c> and no final
/// line is <see cref="JournalRowState.Unknown"/>. Writes are serialised by one lock, so concurrent requests may
/// record their rows from any thread; a second run is kept out by an exclusive lock on <c>PATH.lock</c> (the
/// journal itself stays readable while a run holds it).
/// </summary>
public sealed class RunJournal : IDisposable
{
    /// <summary>The header's format name.</summary>
    public const string Format = "CampaignPS.Journal";

    /// <summary>The header's format version.</summary>
    public const int Version = 1;

    private static readonly byte[] NewLine = { (byte)'\n' };
    private readonly object _gate = new object();
    private readonly Dictionary<string, JournalRow> _rows = new Dictionary<string, JournalRow>(StringComparer.Ordinal);
    private FileStream? _stream;
    private FileStream? _lock;
    private bool _disposed;

    private RunJournal(string path, JournalHeader header, bool readOnly)
    {
        Path = path;
        Header = header;
        ReadOnly = readOnly;
    }

    /// <summary>The journal's full path.</summary>
    public string Path { get; }

    /// <summary>The header this run checked the journal against.</summary>
    public JournalHeader Header { get; }

    /// <summary>True when the run writes nothing (-WhatIf): the file is only read, and never created.</summary>
    public bool ReadOnly { get; }

    /// <summary>True when the journal had rows before this run.</summary>
    public bool Resumed { get; private set; }

    /// <summary>A torn last line that was dropped on open (the process died while writing it), else null.</summary>
    public string? DroppedTail { get; private set; }

    /// <summary>Every row the journal knows, in no particular order.</summary>
    public IReadOnlyList<JournalRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows.Values.ToList();
            }
        }
    }

    /// <summary>
    /// Opens (or, unless <paramref name="readOnly"/>, creates) the journal at <paramref name="path"/> for a run described
    /// by <paramref name="header"/>. Throws <see cref="JournalException"/> before anything is sent when the journal is
    /// from another pipeline (CampaignJournalMismatch), in use by another run (CampaignJournalInUse), damaged before its
    /// last line (CampaignJournalCorrupt) or cannot be opened (CampaignJournalUnavailable).
    /// </summary>
    public static RunJournal Open(string path, JournalHeader header, bool readOnly = false)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("The journal path is empty.", nameof(path));
        }

        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException || exception is NotSupportedException || exception is IOException || exception is System.Security.SecurityException)
        {
            throw new JournalException("CampaignJournalUnavailable", path,
                $"The journal path is not a valid file path ({exception.Message}). Pass -Journal the path of a file in a folder that exists, such as .\\run.journal; nothing was sent.", exception);
        }

        var journal = new RunJournal(fullPath, header ?? throw new ArgumentNullException(nameof(header)), readOnly);
        try
        {
            journal.Load();
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>The row's last known state; <see cref="JournalRowState.New"/> with no id when the journal has no line for it.</summary>
    public JournalRow Find(string key)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(key, out JournalRow? row) ? row : new JournalRow(key, JournalRowState.New, null, null, null);
        }
    }

    /// <summary>Records that the requests of <paramref name="keys"/> are about to be sent (one fsync for all).</summary>
    public void Started(IEnumerable<string> keys)
    {
        if (keys == null)
        {
            throw new ArgumentNullException(nameof(keys));
        }

        Append(keys.Select(key => new Line(key, "started", JournalRowState.Unknown, null, null)));
    }

    /// <summary>Records that the request of <paramref name="key"/> is about to be sent.</summary>
    public void Started(string key) => Started(new[] { key });

    /// <summary>Records how rows ended (one fsync for all).</summary>
    public void Finished(IEnumerable<JournalOutcome> outcomes)
    {
        if (outcomes == null)
        {
            throw new ArgumentNullException(nameof(outcomes));
        }

        Append(outcomes.Select(o => new Line(o.Key, StateName(o.State), o.State, o.Id, o.ErrorId)));
    }

    /// <summary>Records how one row ended.</summary>
    public void Finished(JournalOutcome outcome) => Finished(new[] { outcome });

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
            _lock?.Dispose();
            _lock = null;
        }
    }

    /// <summary>Reads the state of every row from journal text (the header first); for tests and tools.</summary>
    internal static IReadOnlyDictionary<string, JournalRow> Parse(string text, string path, out JournalHeader? header, out string? droppedTail, out int keptLength)
    {
        var rows = new Dictionary<string, JournalRow>(StringComparer.Ordinal);
        header = null;
        droppedTail = null;
        keptLength = 0;
        int position = 0;
        int lineNumber = 0;
        while (position < text.Length)
        {
            int end = text.IndexOf('\n', position);
            string line = end < 0 ? text.Substring(position) : text.Substring(position, end - position);
            int next = end < 0 ? text.Length : end + 1;
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                if (end >= 0)
                {
                    keptLength = next;
                }

                position = next;
                continue;
            }

            if (!line.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                // Not a line this module writes (every line is a JSON object): never drop it as torn.
                throw header == null
                    ? new JournalException("CampaignJournalMismatch", path, $"{path} is not a CampaignPS journal (its first line is not a CampaignPS.Journal header). Pass another -Journal path; nothing was sent.")
                    : new JournalException("CampaignJournalCorrupt", path, $"The journal {path} is damaged at line {lineNumber} (not JSON). Check the file, or start a new journal.");
            }

            if (!TryReadLine(line, out JsonElement element))
            {
                // Only the last line may be torn: the process died while writing it, before its fsync.
                if (text.Substring(next).Trim().Length == 0)
                {
                    droppedTail = line;
                    return rows;
                }

                throw new JournalException("CampaignJournalCorrupt", path, $"The journal {path} is damaged at line {lineNumber} (not JSON): only a torn last line is tolerated. Check the file, or start a new journal.");
            }

            if (end < 0)
            {
                // Complete JSON but no newline: the newline is written with the line, so the line is torn.
                droppedTail = line;
                return rows;
            }

            if (header == null)
            {
                header = ReadHeader(element, path);
            }
            else
            {
                ReadRow(element, rows, path, lineNumber);
            }

            keptLength = next;
            position = next;
        }

        return rows;
    }

    private static bool TryReadLine(string line, out JsonElement element)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static JournalHeader ReadHeader(JsonElement element, string path)
    {
        if (String(element, "format") != Format)
        {
            throw new JournalException("CampaignJournalMismatch", path, $"{path} is not a CampaignPS journal (its first line is not a CampaignPS.Journal header). Pass another -Journal path; nothing was sent.");
        }

        if (!element.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version)
        {
            throw new JournalException("CampaignJournalMismatch", path, $"The journal {path} has a format version this CampaignPS does not read (it reads version {Version}). Nothing was sent.");
        }

        return new JournalHeader(String(element, "cmdlet") ?? string.Empty, String(element, "platform") ?? string.Empty, String(element, "endpoint") ?? string.Empty, String(element, "scope") ?? string.Empty);
    }

    private static void ReadRow(JsonElement element, Dictionary<string, JournalRow> rows, string path, int lineNumber)
    {
        string? key = String(element, "row");
        string? state = String(element, "state");
        if (key == null || state == null)
        {
            throw new JournalException("CampaignJournalCorrupt", path, $"The journal {path} is damaged at line {lineNumber}: a line without a row or state. Check the file, or start a new journal.");
        }

        JournalRowState parsed = state switch
        {
            "started" => JournalRowState.Unknown,
            "done" => JournalRowState.Done,
            "failed" => JournalRowState.Failed,
            "unknown" => JournalRowState.Unknown,
            "cancelled" => JournalRowState.New,
            _ => throw new JournalException("CampaignJournalCorrupt", path, $"The journal {path} is damaged at line {lineNumber}: unknown state '{state}'."),
        };
        rows[key] = new JournalRow(key, parsed, String(element, "id"), String(element, "errorId"), String(element, "at"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string StateName(JournalRowState state) => state switch
    {
        JournalRowState.Done => "done",
        JournalRowState.Failed => "failed",
        JournalRowState.New => "cancelled",
        _ => "unknown",
    };

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private void Load()
    {
        bool exists = File.Exists(Path);
        if (ReadOnly)
        {
            if (exists)
            {
                string text;
                try
                {
                    using var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    text = ReadAll(reader);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    throw Unavailable(exception);
                }

                Take(text);
            }

            return;
        }

        try
        {
            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
            }

            _lock = new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception.GetType() == typeof(IOException))
        {
            // Only a plain IOException is the lock held by another run (a sharing violation on Windows, flock's
            // EWOULDBLOCK on Unix); its subclasses (a path too long, a folder or drive not found) are not.
            throw new JournalException("CampaignJournalInUse", Path, $"The journal {Path} is in use by another run (its lock file {Path}.lock is held). Wait for that run to end, or pass another -Journal path; nothing was sent.", exception);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw Unavailable(exception);
        }

        try
        {
            _stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
            string text = ReadAll(_stream);
            int kept = Take(text);
            long keptBytes = Encoding.UTF8.GetByteCount(text.Substring(0, kept));
            if (keptBytes < _stream.Length)
            {
                // Drop a torn last line, so the next line starts on a line of its own.
                _stream.SetLength(keptBytes);
            }

            _stream.Seek(0, SeekOrigin.End);
            if (_stream.Length == 0)
            {
                WriteHeader();
                SyncFolder(System.IO.Path.GetDirectoryName(Path));
            }
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw Unavailable(exception);
        }
    }

    // A new file's name is durable only once its folder is flushed too (POSIX): without it, a machine that loses power
    // right after the first "started" could lose the whole journal, and the rerun would send those rows again.
    // Windows (NTFS journals its metadata) needs nothing; a folder that cannot be flushed is left as it is.
    private static void SyncFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        try
        {
            int descriptor = PosixOpen(folder!, 0);
            if (descriptor >= 0)
            {
                PosixFsync(descriptor);
                PosixClose(descriptor);
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException || exception is EntryPointNotFoundException)
        {
            // No libc to ask: the file's own fsync is what there is.
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int PosixOpen([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int PosixFsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int PosixClose(int descriptor);

    private JournalException Unavailable(Exception exception) =>
        new JournalException("CampaignJournalUnavailable", Path, $"The journal {Path} cannot be opened: {exception.Message}", exception);

    private static string ReadAll(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
        return reader.ReadToEnd();
    }

    // Returns how many characters of text hold complete lines.
    private int Take(string text)
    {
        IReadOnlyDictionary<string, JournalRow> rows = Parse(text, Path, out JournalHeader? found, out string? tail, out int kept);
        DroppedTail = tail;
        if (found != null)
        {
            string? difference = Header.DifferenceFrom(found);
            if (difference != null)
            {
                throw new JournalException("CampaignJournalMismatch", Path, $"The journal {Path} belongs to another pipeline: {difference}. Nothing was sent. Pass another -Journal path for this pipeline, or run the pipeline that wrote it.");
            }
        }
        else
        {
            kept = 0;
        }

        foreach (KeyValuePair<string, JournalRow> row in rows)
        {
            _rows[row.Key] = row.Value;
        }

        Resumed = _rows.Count > 0;
        return kept;
    }

    private void WriteHeader()
    {
        byte[] line = Serialize(writer =>
        {
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("cmdlet", Header.Cmdlet);
            writer.WriteString("platform", Header.Platform);
            writer.WriteString("endpoint", Header.Endpoint);
            writer.WriteString("scope", Header.Scope);
            writer.WriteString("created", Now());
        });
        _stream!.Write(line, 0, line.Length);
        _stream.Write(NewLine, 0, 1);
        _stream.Flush(true);
    }

    private void Append(IEnumerable<Line> lines)
    {
        List<Line> list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (!ReadOnly && !_disposed && _stream != null)
            {
                string at = Now();
                foreach (Line line in list)
                {
                    byte[] bytes = Serialize(writer =>
                    {
                        writer.WriteString("at", at);
                        writer.WriteString("row", line.Key);
                        writer.WriteString("state", line.StateName);
                        if (line.Id != null)
                        {
                            writer.WriteString("id", line.Id);
                        }

                        if (line.ErrorId != null)
                        {
                            writer.WriteString("errorId", line.ErrorId);
                        }
                    });
                    _stream.Write(bytes, 0, bytes.Length);
                    _stream.Write(NewLine, 0, 1);
                }

                _stream.Flush(true);
            }

            foreach (Line line in list)
            {
                _rows[line.Key] = new JournalRow(line.Key, line.State, line.Id, line.ErrorId, null);
            }
        }
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private readonly struct Line
    {
        public Line(string key, string stateName, JournalRowState state, string? id, string? errorId)
        {
            Key = key;
            StateName = stateName;
            State = state;
            Id = id;
            ErrorId = errorId;
        }

        public string Key { get; }

        public string StateName { get; }

        public JournalRowState State { get; }

        public string? Id { get; }

        public string? ErrorId { get; }
    }
}
