using CampaignPS.Engine.Definitions;
using LoopsPlannedRequest = CampaignPS.Engine.Definitions.PlannedRequest<CampaignPS.Engine.Loops.LoopsClient, CampaignPS.Engine.Loops.LoopsCampaign, CampaignPS.Engine.Loops.LoopsPlanStep>;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// The pure differ for Loops definitions: a definition against the live campaign (<see cref="LoopsCampaignSnapshot"/>),
/// or against nothing (a new campaign). Names are turned into ids with <see cref="LoopsNames"/>; a value the definition
/// leaves null gives no step. Order: create, campaign update (name, audience, group), email message update.
/// </summary>
public static class LoopsCampaignDiffer
{
    private const string CreateRequest = "create campaign";

    /// <summary>The plan that makes <paramref name="live"/> (null: no campaign yet) match <paramref name="desired"/>.</summary>
    /// <exception cref="InputValidationException">
    /// LoopsDefinitionNameNotFound: a list, segment or group the team does not have; LoopsDefinitionInvalid: an audience filter the API would refuse.
    /// </exception>
    public static LoopsCampaignPlan Plan(LoopsCampaignDefinition desired, LoopsCampaignSnapshot? live, LoopsNames names)
    {
        if (desired == null || names == null)
        {
            throw new ArgumentNullException(desired == null ? nameof(desired) : nameof(names));
        }

        LoopsCampaignDefinition? current = live == null ? null : LoopsCampaignDefinition.FromLive(live, names);
        string? campaignId = live?.Campaign.Id;
        var steps = new List<LoopsPlanStep>();
        var requests = new List<LoopsPlannedRequest>();
        NewLoopsCampaign? create = null;
        if (current == null)
        {
            create = Create(desired, names, steps);
        }
        else
        {
            Add(requests, steps, CampaignUpdate(desired, current, names));
        }

        Add(requests, steps, MessageUpdate(desired.EmailMessage, current?.EmailMessage, live?.EmailMessage?.ContentRevisionId));
        PlanDifferences.Number(steps);
        steps.ForEach(s => s.CampaignId = campaignId);
        return new LoopsCampaignPlan(live?.Campaign, create, steps, requests);
    }

    private static void Add(List<LoopsPlannedRequest> requests, List<LoopsPlanStep> steps, LoopsPlannedRequest? request)
    {
        if (request != null)
        {
            requests.Add(request);
            steps.AddRange(request.Changes);
        }
    }

    private static NewLoopsCampaign Create(LoopsCampaignDefinition desired, LoopsNames names, List<LoopsPlanStep> steps)
    {
        steps.Add(new LoopsPlanStep { Action = PlanAction.Create, Path = "$", New = desired.Name, Request = CreateRequest });
        var create = new NewLoopsCampaign { Name = desired.Name };
        if (PlanDifferences.Set(steps, "$.mailingList", desired.MailingList, null, CreateRequest))
        {
            create.MailingListId = names.MailingLists.IdOf(desired.MailingList!, "$.mailingList");
        }

        if (PlanDifferences.Set(steps, "$.audienceSegment", desired.AudienceSegment, null, CreateRequest))
        {
            create.AudienceSegmentId = names.AudienceSegments.IdOf(desired.AudienceSegment!, "$.audienceSegment");
        }

        if (PlanDifferences.Set(steps, "$.audienceFilter", Compact(desired.AudienceFilter), null, CreateRequest))
        {
            create.AudienceFilter = Filter(desired.AudienceFilter!);
        }

        if (PlanDifferences.Set(steps, "$.campaignGroup", desired.CampaignGroup, null, CreateRequest))
        {
            create.CampaignGroupId = names.CampaignGroups.IdOf(desired.CampaignGroup!, "$.campaignGroup");
        }

        return create;
    }

    private static LoopsPlannedRequest? CampaignUpdate(LoopsCampaignDefinition desired, LoopsCampaignDefinition current, LoopsNames names)
    {
        const string request = "update campaign";
        var changes = new List<LoopsPlanStep>();
        var update = new LoopsCampaignChanges();
        if (PlanDifferences.Set(changes, "$.name", desired.Name, current.Name, request))
        {
            update.Name = desired.Name;
        }

        if (PlanDifferences.Set(changes, "$.mailingList", desired.MailingList, current.MailingList, request))
        {
            update.MailingListId = names.MailingLists.IdOf(desired.MailingList!, "$.mailingList");
        }

        bool segment = PlanDifferences.Set(changes, "$.audienceSegment", desired.AudienceSegment, current.AudienceSegment, request);
        bool filter = PlanDifferences.Set(changes, "$.audienceFilter", Compact(desired.AudienceFilter), Compact(current.AudienceFilter), request);
        if (segment)
        {
            update.AudienceSegmentId = names.AudienceSegments.IdOf(desired.AudienceSegment!, "$.audienceSegment");
        }

        // Loops API reference 1.22.2 (campaigns_update, audienceSegmentId): a segment sent without a filter clears the
        // campaign's filter, so a new segment carries the filter the campaign keeps.
        string? filterToSend = filter ? desired.AudienceFilter : segment ? current.AudienceFilter : null;
        if (filterToSend != null)
        {
            update.AudienceFilter = Filter(filterToSend);
        }

        if (PlanDifferences.Set(changes, "$.campaignGroup", desired.CampaignGroup, current.CampaignGroup, request))
        {
            update.CampaignGroupId = names.CampaignGroups.IdOf(desired.CampaignGroup!, "$.campaignGroup");
        }

        return changes.Count == 0 ? null
            : new LoopsPlannedRequest(LoopsDefinitionJson.Schema, request, "$", changes, () => update.Validate(DateTimeOffset.UtcNow),
                async (client, campaign, token) => await client.UpdateCampaignAsync(campaign.Id, update, token).ConfigureAwait(false));
    }

    private static LoopsPlannedRequest? MessageUpdate(LoopsDefinitionEmailMessage? desired, LoopsDefinitionEmailMessage? current, string? revision)
    {
        if (desired == null)
        {
            return null;
        }

        const string request = "update email message";
        const string path = "$.emailMessage";
        var changes = new List<LoopsPlanStep>();
        var update = new LoopsEmailMessageChanges();
        foreach (LoopsMessageField field in LoopsMessageField.All)
        {
            string? want = field.Read(desired);
            if (PlanDifferences.Set(changes, $"{path}.{field.Key}", want, current == null ? null : field.Read(current), request))
            {
                field.Apply(update, want!);
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        // The update names the revision it is based on (email-messages update, expectedRevisionId): the one read with
        // the campaign, so a change made since then is not overwritten (LoopsRevisionStale). A campaign created by this
        // plan brings its own; if its create answer has none, the new (empty) message's latest revision is read.
        return new LoopsPlannedRequest(LoopsDefinitionJson.Schema, request, path, changes, update.Validate,
            async (client, campaign, token) =>
            {
                update.ExpectedRevisionId = revision ?? campaign.EmailMessageContentRevisionId;
                await client.UpdateEmailMessageAsync(campaign.EmailMessageId ?? string.Empty, update, force: update.ExpectedRevisionId == null, token).ConfigureAwait(false);
            });
    }

    private static string? Compact(string? json) => json == null ? null : LoopsDefinitionJson.Compact(json);

    private static LoopsAudienceFilter Filter(string json)
    {
        try
        {
            return LoopsAudienceFilter.FromJson(json);
        }
        catch (InputValidationException e)
        {
            throw LoopsDefinitionJson.Schema.Fail("$.audienceFilter", $"$.audienceFilter: {e.Message} Correct the definition file.");
        }
    }
}
