using System.Globalization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>A campaign to create; the API names it "Untitled Campaign" when no name is given.</summary>
public sealed class NewSmartleadCampaign
{
    /// <summary>The campaign name (optional).</summary>
    public string? Name { get; set; }

    /// <summary>The agency client to file it under (optional).</summary>
    public long? ClientId { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    public void Validate()
    {
        if (Name != null)
        {
            SmartleadRules.Instance.NotBlank("Name", Name);
        }

        SmartleadRules.Instance.Range("ClientId", ClientId, 1, long.MaxValue);
    }
}

/// <summary>When a lead stops receiving follow-ups.</summary>
public enum SmartleadStopCondition
{
    /// <summary>When the lead replies.</summary>
    Reply,
    /// <summary>When the lead clicks a link.</summary>
    Click,
    /// <summary>When the lead opens an email.</summary>
    Open,
    /// <summary>Never (API reference only).</summary>
    Never,
}

/// <summary>
/// Which of Smartlead's two documented enum vocabularies to send for settings. The API
/// reference (OpenAPI, harvested 2026-08-13) is the default, as the house rule says; the docs
/// site's vocabulary (corrected 2026-05-19 "to match the server's validation") is available
/// for accounts whose server rejects the reference's values.
/// </summary>
public enum SmartleadVocabulary
{
    /// <summary>DONT_EMAIL_OPEN, DONT_LINK_CLICK; REPLY_TO_AN_EMAIL, OPENED_EMAIL, CLICKED_LINK, NEVER.</summary>
    ApiReference,
    /// <summary>DONT_TRACK_EMAIL_OPEN, DONT_TRACK_LINK_CLICK, DONT_TRACK_REPLY_TO_AN_EMAIL; REPLY_TO_AN_EMAIL, CLICK_ON_A_LINK, OPEN_AN_EMAIL.</summary>
    Docs,
}

/// <summary>A campaign's sending schedule.</summary>
public sealed class SmartleadSchedule
{
    /// <summary>IANA time zone, e.g. America/New_York.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Sending days.</summary>
    public IReadOnlyCollection<DayOfWeek> Days { get; set; } = Array.Empty<DayOfWeek>();

    /// <summary>First sending hour, 0 to 23.</summary>
    public int StartHour { get; set; }

    /// <summary>Hour sending stops, 0 to 23, after StartHour.</summary>
    public int EndHour { get; set; }

    /// <summary>Minimum minutes between two emails (optional).</summary>
    public int? MinTimeBetweenEmails { get; set; }

    /// <summary>Checks the schedule without sending anything.</summary>
    public void Validate() => ToBody();

    internal ScheduleBody ToBody()
    {
        var rules = SmartleadRules.Instance;
        string zone = rules.IanaTimeZone("TimeZone", TimeZone);
        if (Days == null || Days.Count == 0)
        {
            throw rules.Fail("Day", "Day is empty. Give at least one sending day, e.g. -Day Monday, Tuesday.");
        }

        foreach (DayOfWeek day in Days)
        {
            if (!Enum.IsDefined(typeof(DayOfWeek), day))
            {
                throw rules.Fail("Day", $"Day {(int)day} is not a day of the week. Use Sunday to Saturday.");
            }
        }

        rules.Range("StartHour", StartHour, 0, 23);
        rules.Range("EndHour", EndHour, 0, 23);
        if (StartHour >= EndHour)
        {
            throw rules.Fail("EndHour", $"EndHour {EndHour} is not after StartHour {StartHour}. Sending must start before it ends on the same day, e.g. -StartHour 9 -EndHour 17.");
        }

        rules.Range("MinTimeBetweenEmails", MinTimeBetweenEmails, 1, 24 * 60);
        return new ScheduleBody
        {
            Timezone = zone,
            Days = Days.Distinct().OrderBy(d => d).Select(d => (int)d).ToList(),
            StartHour = Hour(StartHour),
            EndHour = Hour(EndHour),
            MinTimeBetweenEmails = MinTimeBetweenEmails,
        };
    }

    private static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";
}

/// <summary>
/// Campaign settings; only the values that are set are sent. The fields are the API reference's CampaignSettings,
/// which has no client_id: a campaign's agency client is given when it is created (NewSmartleadCampaign.ClientId).
/// </summary>
public sealed class SmartleadSettings
{
    /// <summary>Track opens (false switches open tracking off).</summary>
    public bool? TrackOpen { get; set; }

    /// <summary>Track link clicks.</summary>
    public bool? TrackClick { get; set; }

    /// <summary>Track replies (docs vocabulary only).</summary>
    public bool? TrackReply { get; set; }

    /// <summary>When a lead stops receiving follow-ups.</summary>
    public SmartleadStopCondition? StopLeadOn { get; set; }

    /// <summary>Unsubscribe text appended to emails.</summary>
    public string? UnsubscribeText { get; set; }

    /// <summary>Send as plain text.</summary>
    public bool? PlainText { get; set; }

    /// <summary>Share of leads that receive follow-ups, 0 to 100.</summary>
    public int? FollowUpPercentage { get; set; }

    /// <summary>New leads contacted per day at most.</summary>
    public int? MaxLeadsPerDay { get; set; }

    /// <summary>Let Smartlead match sender and recipient providers.</summary>
    public bool? AiEspMatching { get; set; }

    /// <summary>Which enum vocabulary to send.</summary>
    public SmartleadVocabulary Vocabulary { get; set; }

    /// <summary>Checks the settings without sending anything.</summary>
    public void Validate() => ToBody();

    internal SettingsBody ToBody()
    {
        var rules = SmartleadRules.Instance;
        bool docs = Vocabulary == SmartleadVocabulary.Docs;
        rules.AtLeastOne("Changes", new Dictionary<string, bool>
        {
            ["TrackOpen"] = TrackOpen.HasValue,
            ["TrackClick"] = TrackClick.HasValue,
            ["TrackReply"] = TrackReply.HasValue,
            ["StopLeadOn"] = StopLeadOn.HasValue,
            ["UnsubscribeText"] = UnsubscribeText != null,
            ["PlainText"] = PlainText.HasValue,
            ["FollowUpPercentage"] = FollowUpPercentage.HasValue,
            ["MaxLeadsPerDay"] = MaxLeadsPerDay.HasValue,
            ["AiEspMatching"] = AiEspMatching.HasValue,
        });
        rules.Range("FollowUpPercentage", FollowUpPercentage, 0, 100);
        rules.Range("MaxLeadsPerDay", MaxLeadsPerDay, 1, 100_000);
        if (TrackReply.HasValue && !docs)
        {
            throw rules.Fail("TrackReply", "TrackReply exists only in Smartlead's docs vocabulary. Add -Vocabulary Docs, or leave TrackReply out.");
        }

        if (StopLeadOn == SmartleadStopCondition.Never && docs)
        {
            throw rules.Fail("StopLeadOn", "StopLeadOn Never exists only in Smartlead's API reference vocabulary. Use Reply, Click or Open with -Vocabulary Docs.");
        }

        List<string>? tracking = null;
        if (TrackOpen.HasValue || TrackClick.HasValue || TrackReply.HasValue)
        {
            // track_settings lists what is switched OFF; what is not given stays tracked (the API default).
            tracking = new List<string>();
            if (TrackOpen == false)
            {
                tracking.Add(docs ? "DONT_TRACK_EMAIL_OPEN" : "DONT_EMAIL_OPEN");
            }

            if (TrackClick == false)
            {
                tracking.Add(docs ? "DONT_TRACK_LINK_CLICK" : "DONT_LINK_CLICK");
            }

            if (TrackReply == false)
            {
                tracking.Add("DONT_TRACK_REPLY_TO_AN_EMAIL");
            }
        }

        return new SettingsBody
        {
            TrackSettings = tracking,
            StopLeadSettings = StopLeadOn switch
            {
                null => null,
                SmartleadStopCondition.Reply => "REPLY_TO_AN_EMAIL",
                SmartleadStopCondition.Click => docs ? "CLICK_ON_A_LINK" : "CLICKED_LINK",
                SmartleadStopCondition.Open => docs ? "OPEN_AN_EMAIL" : "OPENED_EMAIL",
                _ => "NEVER",
            },
            UnsubscribeText = UnsubscribeText,
            SendAsPlainText = PlainText,
            FollowUpPercentage = FollowUpPercentage,
            MaxLeadsPerDay = MaxLeadsPerDay,
            EnableAiEspMatching = AiEspMatching,
        };
    }
}

/// <summary>
/// How Smartlead treats leads that are blocked or unsubscribed: the two settings of the leads API reference
/// (addLeadsToCampaign). Only the ones that are set are sent; the server's defaults (false) apply to the rest.
/// </summary>
public sealed class SmartleadLeadSettings
{
    /// <summary>Add leads even when they are on the global block list (ignore_global_block_list); null to leave it to the server.</summary>
    public bool? IgnoreGlobalBlockList { get; set; }

    /// <summary>Add leads even when they unsubscribed earlier (ignore_unsubscribe); null to leave it to the server.</summary>
    public bool? IgnoreUnsubscribeList { get; set; }
}

internal static class SmartleadRules
{
    public static InputRules Instance { get; } = new InputRules("Smartlead");

    public const int MaxLeadsPerRequest = 400;

    public const int MaxCustomFields = 200;

    public static long CampaignId(long campaignId)
    {
        Instance.Range("CampaignId", campaignId, 1, long.MaxValue);
        return campaignId;
    }

    public static IReadOnlyList<SequenceBody> Sequence(IReadOnlyList<SmartleadSequenceStep> steps)
    {
        var rules = Instance;
        if (steps == null || steps.Count == 0)
        {
            throw rules.Fail("Step", "Step is empty. Give at least one step, e.g. @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}'; DelayDays = 0 }.");
        }

        var bodies = new List<SequenceBody>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            SmartleadSequenceStep step = steps[i] ?? throw rules.Fail("Step", $"Step {i + 1} is empty.");
            int number = i + 1;
            SmartleadSequenceVariant? first = step.Variants?.FirstOrDefault();
            if (first != null)
            {
                // What a step with variants leaves out of its own email is its first variant's.
                step.Subject = string.IsNullOrWhiteSpace(step.Subject) ? first.Subject : step.Subject;
                step.Body = string.IsNullOrWhiteSpace(step.Body) ? first.Body : step.Body;
            }

            if (number == 1 && string.IsNullOrWhiteSpace(step.Subject))
            {
                throw rules.Fail("Step", "Step 1 has no Subject. The first email needs a subject; follow-ups may leave it empty to reply in the same thread.");
            }

            if (string.IsNullOrWhiteSpace(step.Body))
            {
                throw rules.Fail("Step", $"Step {number} has no Body. Give the email text (HTML or plain, with variables such as {{{{first_name}}}}).");
            }

            if (step.DelayDays < 0 || step.DelayDays > 365)
            {
                throw rules.Fail("Step", $"Step {number} has DelayDays {step.DelayDays}. Use 0 to 365 days.");
            }

            step.Number = number;
            bodies.Add(new SequenceBody
            {
                SeqNumber = number,
                Subject = step.Subject ?? string.Empty,
                EmailBody = step.Body!,
                SeqDelayDetails = new DelayBody { DelayInDays = step.DelayDays },
                SeqVariants = SmartleadVariantRules.Bodies(step, number),
            });
        }

        return bodies;
    }

    /// <summary>Reads a step from a hashtable's or object's fields (Subject, Body/EmailBody, DelayDays/Delay).</summary>
    public static SmartleadSequenceStep StepFromFields(IEnumerable<KeyValuePair<string, object?>> fields, int position)
    {
        var step = new SmartleadSequenceStep { Number = position };
        foreach (KeyValuePair<string, object?> field in fields)
        {
            string text = Convert.ToString(field.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            switch (FieldNames.Normalize(field.Key))
            {
                case "subject":
                    step.Subject = text;
                    break;
                case "body":
                case "emailbody":
                    step.Body = text;
                    break;
                case "delaydays":
                case "delay":
                case "delayindays":
                    if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int delay))
                    {
                        throw Instance.Fail("Step", $"Step {position} has DelayDays '{text}', which is not a whole number. Use 0 to 365.");
                    }

                    step.DelayDays = delay;
                    break;
                case "number":
                case "seqnumber":
                    break;
                case "variants":
                case "seqvariants":
                    step.Variants = SmartleadVariantRules.FromValue(field.Value, position);
                    break;
                case "id":
                    step.Id = OptionalId(text, position, "Id");
                    break;
                case "campaignid":
                    step.CampaignId = OptionalId(text, position, "CampaignId");
                    break;
                default:
                    throw Instance.Fail("Step", $"Step {position} has an unknown key '{field.Key}'. Use Subject, Body, DelayDays and Variants.");
            }
        }

        return step;
    }

    // The Id and CampaignId of a step read back (Get-SmartleadSequence | Export-Clixml, or Select-Object *).
    private static long? OptionalId(string text, int position, string field) =>
        text.Length == 0 ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) ? id
        : throw Instance.Fail("Step", $"Step {position} has {field} '{text}', which is not a whole number.");
}
