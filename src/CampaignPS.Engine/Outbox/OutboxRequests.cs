using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Outbox;

/// <summary>The campaign statuses Outbox accepts.</summary>
public enum OutboxCampaignStatus
{
    /// <summary>Not sending (the default).</summary>
    Draft,
    /// <summary>Sending.</summary>
    Active,
    /// <summary>Paused.</summary>
    Paused,
    /// <summary>Finished.</summary>
    Completed,
    /// <summary>Cancelled.</summary>
    Cancelled,
}

/// <summary>The lead sources Outbox's contact page documents.</summary>
public enum OutboxLeadSource
{
    /// <summary>manual</summary>
    Manual,
    /// <summary>api</summary>
    Api,
    /// <summary>webhook</summary>
    Webhook,
    /// <summary>facebook</summary>
    Facebook,
    /// <summary>instagram</summary>
    Instagram,
    /// <summary>import</summary>
    Import,
}

/// <summary>
/// A sending window: days of the week and a time range, e.g. "Mon-Fri 09:00-17:00".
/// Outbox documents <c>allowed_windows</c> only as "&lt;unknown&gt;"; CampaignPS sends one entry
/// per day: <c>[{"day": "monday", "start": "09:00", "end": "17:00"}, ...]</c>.
/// </summary>
public sealed class OutboxSendingWindow
{
    private static readonly string[] DayNames = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };
    private static readonly Regex Text = new Regex(@"^\s*(?<days>[A-Za-z,\-\s]+?)\s+(?<start>\d{1,2}:\d{2})\s*-\s*(?<end>\d{1,2}:\d{2})\s*$", RegexOptions.CultureInvariant);

    /// <summary>The days the window applies to.</summary>
    public DayOfWeek[] Days { get; set; } = Array.Empty<DayOfWeek>();

    /// <summary>Start, "HH:mm".</summary>
    public string? Start { get; set; }

    /// <summary>End, "HH:mm", after Start.</summary>
    public string? End { get; set; }

    /// <summary>
    /// Reads "Mon-Fri 09:00-17:00", "Sat,Sun 10:00-14:00" or "Monday 08:30-12:00"
    /// (PowerShell uses this to convert a string given to -AllowedWindow).
    /// </summary>
    public static OutboxSendingWindow Parse(string text)
    {
        var rules = OutboxRules.Instance;
        Match match = Text.Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw rules.Fail("AllowedWindow", $"AllowedWindow '{text}' is not of the form 'Mon-Fri 09:00-17:00'.");
        }

        var days = new List<DayOfWeek>();
        foreach (string part in match.Groups["days"].Value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] range = part.Split('-');
            DayOfWeek first = Day(range[0]);
            DayOfWeek last = range.Length > 1 ? Day(range[1]) : first;
            for (int d = (int)first; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == (int)last)
                {
                    break;
                }
            }
        }

        var window = new OutboxSendingWindow { Days = days.Distinct().ToArray(), Start = match.Groups["start"].Value, End = match.Groups["end"].Value };
        window.Validate(0);
        return window;
    }

    internal void Validate(int index)
    {
        var rules = OutboxRules.Instance;
        if (Days == null || Days.Length == 0)
        {
            throw rules.Fail("AllowedWindow", $"AllowedWindow {index + 1} has no days. Give days such as Monday, Tuesday (or 'Mon-Fri 09:00-17:00').");
        }

        TimeSpan start = Time(Start, index, "Start");
        TimeSpan end = Time(End, index, "End");
        if (start >= end)
        {
            throw rules.Fail("AllowedWindow", $"AllowedWindow {index + 1} ends ({End}) before it starts ({Start}). The window must start before it ends on the same day.");
        }
    }

    internal IEnumerable<WindowBody> ToBody() =>
        Days.Distinct().OrderBy(d => d).Select(d => new WindowBody { Day = DayNames[(int)d], Start = Normalize(Start!), End = Normalize(End!) });

    internal static DayOfWeek? DayFromName(string? name)
    {
        int index = Array.FindIndex(DayNames, d => d.StartsWith((name ?? string.Empty).Trim().ToLowerInvariant(), StringComparison.Ordinal) && (name ?? string.Empty).Trim().Length >= 2);
        return index < 0 ? null : (DayOfWeek?)index;
    }

    /// <inheritdoc />
    public override string ToString() => $"{string.Join(",", Days.Select(d => d.ToString().Substring(0, 3)))} {Start}-{End}";

    private static DayOfWeek Day(string name) =>
        DayFromName(name) ?? throw OutboxRules.Instance.Fail("AllowedWindow", $"'{name.Trim()}' is not a day of the week. Use Mon, Tue, ... or Monday, Tuesday, ...");

    private static TimeSpan Time(string? value, int index, string which)
    {
        if (!TimeSpan.TryParseExact(value ?? string.Empty, new[] { @"h\:mm", @"hh\:mm" }, CultureInfo.InvariantCulture, out TimeSpan time) || time >= TimeSpan.FromDays(1))
        {
            throw OutboxRules.Instance.Fail("AllowedWindow", $"AllowedWindow {index + 1} has {which} '{value}', which is not a time of day. Use HH:mm, e.g. 09:00.");
        }

        return time;
    }

    private static string Normalize(string time) => TimeSpan.ParseExact(time, new[] { @"h\:mm", @"hh\:mm" }, CultureInfo.InvariantCulture).ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}

/// <summary>An email campaign to create.</summary>
public sealed class NewOutboxCampaign
{
    /// <summary>The campaign name, 1 to 255 characters.</summary>
    public string? Name { get; set; }

    /// <summary>The company (uuid); the connection's default company when null.</summary>
    public Guid? Company { get; set; }

    /// <summary>The sender pool.</summary>
    public IReadOnlyList<Guid> SenderIdentityIds { get; set; } = Array.Empty<Guid>();

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>IANA time zone, at most 64 characters.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Sending windows.</summary>
    public IReadOnlyList<OutboxSendingWindow> AllowedWindows { get; set; } = Array.Empty<OutboxSendingWindow>();

    /// <summary>Stop the sequence for a contact who replies.</summary>
    public bool? StopOnReply { get; set; }

    /// <summary>The initial status (draft by default).</summary>
    public OutboxCampaignStatus Status { get; set; }

    /// <summary>The workflow (uuid).</summary>
    public Guid? Workflow { get; set; }

    /// <summary>The responder agent (uuid).</summary>
    public Guid? ResponderAgent { get; set; }

    /// <summary>Checks the input without sending anything; <paramref name="defaultCompany"/> fills a missing company.</summary>
    public void Validate(Guid? defaultCompany = null) => ToBody(defaultCompany);

    internal CampaignBody ToBody(Guid? defaultCompany)
    {
        var rules = OutboxRules.Instance;
        string name = rules.NotBlank("Name", Name).Trim();
        rules.MaxLength("Name", name, 255);
        Guid company = Company ?? defaultCompany ?? throw rules.Fail("Company",
            "Company is missing. Give -Company (the company's uuid), or set a default with Connect-Outbox -Company.");
        string? zone = null;
        if (TimeZone != null)
        {
            rules.MaxLength("TimeZone", TimeZone.Trim(), 64);
            zone = rules.IanaTimeZone("TimeZone", TimeZone);
        }

        // A list not given (null, as a PowerShell $null binds) is an empty one; an empty entry inside it is a mistake.
        IReadOnlyList<OutboxSendingWindow> windows = AllowedWindows ?? Array.Empty<OutboxSendingWindow>();
        for (int i = 0; i < windows.Count; i++)
        {
            if (windows[i] == null)
            {
                throw rules.Fail("AllowedWindow", $"AllowedWindow {i + 1} is empty. Give each window as text such as 'Mon-Fri 09:00-17:00'.");
            }

            windows[i].Validate(i);
        }

        return new CampaignBody
        {
            Name = name,
            Company = company,
            SenderIdentityIds = (SenderIdentityIds ?? Array.Empty<Guid>()).Distinct().ToList(),
            Description = Description,
            Timezone = zone,
            AllowedWindows = windows.Count == 0 ? null : windows.SelectMany(w => w.ToBody()).ToList(),
            StopOnReply = StopOnReply,
            Status = Status.ToString().ToLowerInvariant(),
            Workflow = Workflow,
            ResponderAgent = ResponderAgent,
        };
    }
}

/// <summary>A sender identity to create.</summary>
public sealed class NewOutboxSender
{
    /// <summary>The from address (required).</summary>
    public string? FromEmail { get; set; }

    /// <summary>The from name.</summary>
    public string? FromName { get; set; }

    /// <summary>The reply-to address.</summary>
    public string? ReplyToEmail { get; set; }

    /// <summary>Use the company's default reply-to address.</summary>
    public bool? UseDefaultReplyTo { get; set; }

    /// <summary>Make it the company's default sender.</summary>
    public bool? IsDefault { get; set; }

    /// <summary>The company (uuid); the connection's default company when null.</summary>
    public Guid? Company { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    public void Validate(Guid? defaultCompany = null) => ToBody(defaultCompany);

    internal SenderBody ToBody(Guid? defaultCompany)
    {
        var rules = OutboxRules.Instance;
        string email = rules.NotBlank("FromEmail", FromEmail).Trim();
        rules.Email("FromEmail", email);
        rules.Email("ReplyToEmail", ReplyToEmail);
        Guid company = Company ?? defaultCompany ?? throw rules.Fail("Company",
            "Company is missing. Give -Company (the company's uuid), or set a default with Connect-Outbox -Company.");
        return new SenderBody
        {
            FromEmail = email,
            FromName = FromName,
            ReplyToEmail = string.IsNullOrWhiteSpace(ReplyToEmail) ? null : ReplyToEmail!.Trim(),
            UseDefaultReplyTo = UseDefaultReplyTo,
            IsDefault = IsDefault,
            Company = company,
        };
    }
}

internal static class OutboxRules
{
    public static InputRules Instance { get; } = new InputRules("Outbox");
}
