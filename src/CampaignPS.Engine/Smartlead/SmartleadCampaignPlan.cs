using System.Globalization;
using CampaignPS.Engine.Definitions;
using SmartleadPlannedRequest = CampaignPS.Engine.Definitions.PlannedRequest<CampaignPS.Engine.Smartlead.SmartleadClient, long, CampaignPS.Engine.Smartlead.SmartleadPlanStep>;

namespace CampaignPS.Engine.Smartlead;

/// <summary>One difference between a Smartlead definition and the live campaign (Sync-SmartleadCampaign -WhatIf).</summary>
public sealed class SmartleadPlanStep : PlanStep
{
    /// <summary>The campaign changed; null while it is still to be created.</summary>
    public long? CampaignId { get; internal set; }
}

/// <summary>
/// What syncing a definition does: create a campaign (when there is none) and the requests that make the live campaign
/// match, each with its steps. Computed by <see cref="SmartleadCampaignDiffer"/>; sends nothing by itself.
/// </summary>
public sealed class SmartleadCampaignPlan : CampaignPlan<SmartleadClient, long, SmartleadPlanStep>
{
    internal SmartleadCampaignPlan(long? campaignId, NewSmartleadCampaign? create, IReadOnlyList<SmartleadPlanStep> steps, IReadOnlyList<SmartleadPlannedRequest> requests, IReadOnlyList<string> warnings)
        : base(SmartleadDefinitionJson.Schema, create == null ? null : create.Validate, steps, requests)
    {
        CampaignId = campaignId;
        Create = create;
        Warnings = warnings;
    }

    /// <summary>The campaign to update; null when the plan creates one.</summary>
    public long? CampaignId { get; }

    /// <summary>The campaign to create first, or null.</summary>
    public NewSmartleadCampaign? Create { get; }

    /// <summary>What the definition asks for that the API cannot do (a rename), left as it is.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when the campaign already matches.</summary>
    public bool IsEmpty => Create == null && Requests.Count == 0;

    /// <summary>Validates, then sends the whole plan in order (without PowerShell); returns the campaign's id.</summary>
    public async Task<long> ApplyAsync(SmartleadClient client, CancellationToken cancellationToken = default)
    {
        Validate();
        long id = CampaignId ?? (await client.CreateCampaignAsync(Create!, cancellationToken).ConfigureAwait(false)).Id;
        await SendRequestsAsync(client, id, cancellationToken).ConfigureAwait(false);
        return id;
    }
}

/// <summary>
/// The pure differ: a definition against the live campaign's definition (<see cref="SmartleadCampaignDefinition.FromLive"/>),
/// or against nothing (a new campaign). Unmanaged sections (null in the definition) give no steps. Order: create, settings,
/// schedule, sequence, mailboxes added, mailboxes removed, webhooks created, changed, removed.
/// </summary>
public static class SmartleadCampaignDiffer
{
    /// <summary>The plan that makes <paramref name="current"/> (null: no campaign yet) match <paramref name="desired"/>.</summary>
    public static SmartleadCampaignPlan Plan(SmartleadCampaignDefinition desired, SmartleadCampaignDefinition? current)
    {
        if (desired == null)
        {
            throw new ArgumentNullException(nameof(desired));
        }

        long? campaignId = current?.CampaignId;
        var steps = new List<SmartleadPlanStep>();
        var requests = new List<SmartleadPlannedRequest>();
        var warnings = new List<string>();
        NewSmartleadCampaign? create = null;
        if (current == null)
        {
            create = new NewSmartleadCampaign { Name = desired.Name, ClientId = desired.ClientId };
            steps.Add(new SmartleadPlanStep { Action = PlanAction.Create, Path = "$", New = desired.Name, Request = "create campaign" });
        }
        else
        {
            if (!string.Equals(desired.Name, current.Name, StringComparison.Ordinal))
            {
                warnings.Add($"$.name is '{desired.Name}' but campaign {campaignId} is named '{current.Name}': Smartlead's API cannot rename a campaign, so the name is left as it is.");
            }

            if (desired.ClientId.HasValue)
            {
                warnings.Add($"$.clientId applies only when Sync-SmartleadCampaign creates a campaign; campaign {campaignId} keeps its client.");
            }
        }

        Add(requests, steps, Settings(desired.Settings, current?.Settings));
        Add(requests, steps, Schedule(desired.Schedule, current?.Schedule));
        Add(requests, steps, Sequence(desired.Sequence, current?.Sequence, campaignId));
        foreach (SmartleadPlannedRequest request in EmailAccounts(desired.EmailAccountIds, current?.EmailAccountIds))
        {
            Add(requests, steps, request);
        }

        foreach (SmartleadPlannedRequest request in Webhooks(desired.Webhooks, current?.Webhooks))
        {
            Add(requests, steps, request);
        }

        PlanDifferences.Number(steps);
        steps.ForEach(s => s.CampaignId = campaignId);

        return new SmartleadCampaignPlan(campaignId, create, steps, requests, warnings);
    }

    private static void Add(List<SmartleadPlannedRequest> requests, List<SmartleadPlanStep> steps, SmartleadPlannedRequest? request)
    {
        if (request != null)
        {
            requests.Add(request);
            steps.AddRange(request.Changes);
        }
    }

    private static SmartleadPlannedRequest? Settings(SmartleadDefinitionSettings? desired, SmartleadDefinitionSettings? current)
    {
        if (desired == null)
        {
            return null;
        }

        const string request = "save settings";
        var changes = new List<SmartleadPlanStep>();
        var settings = new SmartleadSettings { Vocabulary = desired.Vocabulary };
        bool docs = desired.Vocabulary == SmartleadVocabulary.Docs;

        bool trackingChanged = false;
        trackingChanged |= Compare(changes, "$.settings.trackOpens", desired.TrackOpens, current?.TrackOpens, request);
        trackingChanged |= Compare(changes, "$.settings.trackClicks", desired.TrackClicks, current?.TrackClicks, request);
        trackingChanged |= Compare(changes, "$.settings.trackReplies", desired.TrackReplies, current?.TrackReplies, request);
        if (trackingChanged)
        {
            // track_settings lists what is off, as one list: all three switches are sent together, or the ones left out
            // would be switched back on.
            settings.TrackOpen = desired.TrackOpens ?? current?.TrackOpens ?? true;
            settings.TrackClick = desired.TrackClicks ?? current?.TrackClicks ?? true;
            settings.TrackReply = desired.TrackReplies ?? (docs ? current?.TrackReplies : null);
        }

        if (Compare(changes, "$.settings.stopLeadOn", desired.StopLeadOn, current?.StopLeadOn, request))
        {
            settings.StopLeadOn = desired.StopLeadOn;
        }

        if (Compare(changes, "$.settings.unsubscribeText", desired.UnsubscribeText, current?.UnsubscribeText, request))
        {
            settings.UnsubscribeText = desired.UnsubscribeText;
        }

        if (Compare(changes, "$.settings.plainText", desired.PlainText, current?.PlainText, request))
        {
            settings.PlainText = desired.PlainText;
        }

        if (Compare(changes, "$.settings.followUpPercentage", desired.FollowUpPercentage, current?.FollowUpPercentage, request))
        {
            settings.FollowUpPercentage = desired.FollowUpPercentage;
        }

        if (Compare(changes, "$.settings.maxLeadsPerDay", desired.MaxLeadsPerDay, current?.MaxLeadsPerDay, request))
        {
            settings.MaxLeadsPerDay = desired.MaxLeadsPerDay;
        }

        if (Compare(changes, "$.settings.aiEspMatching", desired.AiEspMatching, current?.AiEspMatching, request))
        {
            settings.AiEspMatching = desired.AiEspMatching;
        }

        return changes.Count == 0 ? null
            : new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.settings", changes, settings.Validate, (client, id, token) => client.SetSettingsAsync(id, settings, token));
    }

    private static bool Compare<T>(List<SmartleadPlanStep> changes, string path, T? desired, T? current, string request)
        where T : struct => PlanDifferences.Set(changes, path, desired, current, request);

    private static bool Compare(List<SmartleadPlanStep> changes, string path, string? desired, string? current, string request) =>
        PlanDifferences.Set(changes, path, desired, current, request);

    private static SmartleadPlannedRequest? Schedule(SmartleadDefinitionSchedule? desired, SmartleadDefinitionSchedule? current)
    {
        if (desired == null)
        {
            return null;
        }

        const string request = "save schedule";
        var changes = new List<SmartleadPlanStep>();
        Compare(changes, "$.schedule.timeZone", desired.TimeZone, current?.TimeZone, request);
        Compare(changes, "$.schedule.days", Days(desired.Days), current == null ? null : Days(current.Days), request);
        Compare(changes, "$.schedule.startHour", (int?)desired.StartHour, current?.StartHour, request);
        Compare(changes, "$.schedule.endHour", (int?)desired.EndHour, current?.EndHour, request);
        Compare(changes, "$.schedule.minTimeBetweenEmails", desired.MinTimeBetweenEmails, current?.MinTimeBetweenEmails, request);
        if (changes.Count == 0)
        {
            return null;
        }

        // The schedule is replaced as a whole; a minimum gap the definition leaves null keeps the campaign's.
        SmartleadSchedule schedule = desired.ToRequest();
        schedule.MinTimeBetweenEmails ??= current?.MinTimeBetweenEmails;
        return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.schedule", changes, schedule.Validate, (client, id, token) => client.SetScheduleAsync(id, schedule, token));
    }

    private static string Days(IReadOnlyList<DayOfWeek> days) => string.Join(", ", days.Distinct().OrderBy(d => d));

    private static SmartleadPlannedRequest? Sequence(IReadOnlyList<SmartleadDefinitionStep>? desired, IReadOnlyList<SmartleadDefinitionStep>? current, long? campaignId)
    {
        if (desired == null)
        {
            return null;
        }

        const string request = "save sequence";
        current ??= Array.Empty<SmartleadDefinitionStep>();
        var changes = new List<SmartleadPlanStep>();
        for (int i = 0; i < Math.Max(desired.Count, current.Count); i++)
        {
            string path = $"$.sequence[{i}]";
            if (i >= current.Count)
            {
                changes.Add(new SmartleadPlanStep { Action = PlanAction.Add, Path = path, New = Summary(desired[i]), Request = request });
                continue;
            }

            if (i >= desired.Count)
            {
                changes.Add(new SmartleadPlanStep { Action = PlanAction.Remove, Path = path, Old = Summary(current[i]), Request = request });
                continue;
            }

            SmartleadDefinitionStep want = desired[i];
            SmartleadDefinitionStep have = current[i];
            Compare(changes, path + ".subject", want.Subject, have.Subject, request);
            Compare(changes, path + ".body", want.Body, have.Body, request);
            Compare(changes, path + ".delayDays", (int?)want.DelayDays, have.DelayDays, request);
            for (int j = 0; j < Math.Max(want.Variants.Count, have.Variants.Count); j++)
            {
                string variantPath = $"{path}.variants[{j}]";
                if (j >= have.Variants.Count)
                {
                    changes.Add(new SmartleadPlanStep { Action = PlanAction.Add, Path = variantPath, New = Summary(want.Variants[j]), Request = request });
                }
                else if (j >= want.Variants.Count)
                {
                    changes.Add(new SmartleadPlanStep { Action = PlanAction.Remove, Path = variantPath, Old = Summary(have.Variants[j]), Request = request });
                }
                else
                {
                    SmartleadDefinitionVariant a = want.Variants[j];
                    SmartleadDefinitionVariant b = have.Variants[j];
                    Compare(changes, variantPath + ".label", a.Label, b.Label, request);
                    Compare(changes, variantPath + ".subject", a.Subject, b.Subject, request);
                    Compare(changes, variantPath + ".body", a.Body, b.Body, request);
                    if (a.Distribution != b.Distribution)
                    {
                        changes.Add(new SmartleadPlanStep { Action = PlanAction.Set, Path = variantPath + ".distribution", Old = Show(b.Distribution), New = Show(a.Distribution), Request = request });
                    }
                }
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        // The sequence is saved as a whole. Steps and variants at a position the campaign already has keep its ids, so the
        // server updates them in place and their statistics stay with them.
        IReadOnlyList<SmartleadDefinitionStep> have2 = current;
        List<SmartleadSequenceStep> steps = desired.Select((step, i) => new SmartleadSequenceStep
        {
            Number = i + 1,
            Subject = step.Subject,
            Body = step.Body,
            DelayDays = step.DelayDays,
            Id = i < have2.Count ? have2[i].Id : null,
            CampaignId = i < have2.Count && have2[i].Id.HasValue ? campaignId : null,
            Variants = step.Variants.Select((v, j) => new SmartleadSequenceVariant
            {
                Label = v.Label.Length == 0 ? null : v.Label,
                Subject = v.Subject,
                Body = v.Body,
                Distribution = v.Distribution,
                Id = i < have2.Count && j < have2[i].Variants.Count ? have2[i].Variants[j].Id : null,
            }).ToArray(),
        }).ToList();
        return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.sequence", changes,
            () => SmartleadSequenceStep.ValidateSequence(Copy(steps)),
            (client, id, token) => client.SetSequenceAsync(id, Copy(steps), token));
    }

    // Validating numbers the steps and fills empty subjects from the first variant: each use gets its own copy.
    private static List<SmartleadSequenceStep> Copy(List<SmartleadSequenceStep> steps) => steps.Select(s => new SmartleadSequenceStep
    {
        Number = s.Number,
        Subject = s.Subject,
        Body = s.Body,
        DelayDays = s.DelayDays,
        Id = s.Id,
        CampaignId = s.CampaignId,
        Variants = s.Variants.Select(v => new SmartleadSequenceVariant { Id = v.Id, Label = v.Label, Subject = v.Subject, Body = v.Body, Distribution = v.Distribution }).ToArray(),
    }).ToList();

    private static IEnumerable<SmartleadPlannedRequest> EmailAccounts(IReadOnlyList<long>? desired, IReadOnlyList<long>? current)
    {
        if (desired == null)
        {
            yield break;
        }

        current ??= Array.Empty<long>();
        List<long> add = desired.Distinct().Where(id => !current.Contains(id)).ToList();
        List<long> remove = current.Where(id => !desired.Contains(id)).ToList();
        if (add.Count > 0)
        {
            const string request = "add email accounts";
            var changes = add.Select(id => new SmartleadPlanStep { Action = PlanAction.Add, Path = $"$.emailAccountIds[{IndexOf(desired, id)}]", New = Show((long?)id), Request = request }).ToList();
            yield return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.emailAccountIds", changes,
                () => add.ForEach(id => SmartleadRules.Instance.Range("EmailAccountId", id, 1, long.MaxValue)),
                (client, id, token) => client.AddEmailAccountsAsync(id, add, token));
        }

        if (remove.Count > 0)
        {
            const string request = "remove email accounts";
            var changes = remove.Select(id => new SmartleadPlanStep { Action = PlanAction.Remove, Path = "$.emailAccountIds", Old = Show((long?)id), Request = request }).ToList();
            yield return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.emailAccountIds", changes, () => { },
                (client, id, token) => client.Mailboxes.RemoveFromCampaignAsync(id, remove, token));
        }
    }

    private static int IndexOf(IReadOnlyList<long> list, long value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<SmartleadPlannedRequest> Webhooks(IReadOnlyList<SmartleadDefinitionWebhook>? desired, IReadOnlyList<SmartleadDefinitionWebhook>? current)
    {
        if (desired == null)
        {
            yield break;
        }

        current ??= Array.Empty<SmartleadDefinitionWebhook>();
        var matched = new HashSet<SmartleadDefinitionWebhook>();
        var updates = new List<SmartleadPlannedRequest>();
        for (int i = 0; i < desired.Count; i++)
        {
            SmartleadDefinitionWebhook want = desired[i];
            string path = $"$.webhooks[{i}]";
            SmartleadDefinitionWebhook? have = current.FirstOrDefault(w => !matched.Contains(w) && string.Equals(w.Name, want.Name, StringComparison.OrdinalIgnoreCase));
            var change = new SmartleadWebhookChange { Name = want.Name, Url = want.Url, EventTypes = want.EventTypes.ToList() };
            if (have == null)
            {
                const string createRequest = "create webhook";
                var changes = new[] { new SmartleadPlanStep { Action = PlanAction.Add, Path = path, New = Summary(want), Request = createRequest } };
                yield return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, createRequest, path, changes, () => change.Validate(isNew: true),
                    async (client, id, token) => await client.Webhooks.CreateAsync(id, change, token).ConfigureAwait(false));
                continue;
            }

            matched.Add(have);
            const string request = "update webhook";
            var differences = new List<SmartleadPlanStep>();
            Compare(differences, path + ".name", want.Name, have.Name, request);
            Compare(differences, path + ".url", want.Url, have.Url, request);
            Compare(differences, path + ".eventTypes", Events(want.EventTypes), Events(have.EventTypes), request);
            if (differences.Count > 0)
            {
                long webhookId = have.Id ?? 0;
                updates.Add(new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, path, differences, () => change.Validate(isNew: false),
                    async (client, id, token) => await client.Webhooks.UpdateAsync(id, webhookId, change, token).ConfigureAwait(false)));
            }
        }

        foreach (SmartleadPlannedRequest update in updates)
        {
            yield return update;
        }

        foreach (SmartleadDefinitionWebhook extra in current.Where(w => !matched.Contains(w)))
        {
            const string request = "remove webhook";
            long webhookId = extra.Id ?? 0;
            var changes = new[] { new SmartleadPlanStep { Action = PlanAction.Remove, Path = "$.webhooks", Old = Summary(extra), Request = request } };
            yield return new SmartleadPlannedRequest(SmartleadDefinitionJson.Schema, request, "$.webhooks", changes, () => { },
                (client, id, token) => client.Webhooks.DeleteAsync(id, webhookId, token));
        }
    }

    private static string Events(IReadOnlyList<SmartleadWebhookEvent> events) => string.Join(", ", events.Distinct().OrderBy(e => e));

    private static string Summary(SmartleadDefinitionStep step) =>
        $"{(step.Subject.Length == 0 ? "(same thread)" : step.Subject)}, +{step.DelayDays.ToString(CultureInfo.InvariantCulture)} d{(step.Variants.Count > 0 ? $", {step.Variants.Count} variants" : string.Empty)}";

    private static string Summary(SmartleadDefinitionVariant variant) =>
        $"{variant.Label}: {(variant.Subject.Length == 0 ? "(step subject)" : variant.Subject)}{(variant.Distribution.HasValue ? $" ({variant.Distribution.Value.ToString(CultureInfo.InvariantCulture)}%)" : string.Empty)}";

    private static string Summary(SmartleadDefinitionWebhook webhook) => $"{webhook.Name}: {Events(webhook.EventTypes)} -> {webhook.Url}";

    private static string? Show<T>(T? value)
        where T : struct => PlanDifferences.Show(value);
}
