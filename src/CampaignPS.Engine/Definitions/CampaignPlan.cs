namespace CampaignPS.Engine.Definitions;

/// <summary>
/// What syncing a definition does, for any platform: the steps (numbered from 1: the create, if any, then each change in
/// the order it is sent) and the requests after the create. Each platform's plan adds its create and how it is sent.
/// </summary>
/// <typeparam name="TClient">The platform's client.</typeparam>
/// <typeparam name="TTarget">What the requests are sent to (the campaign's id, or the campaign).</typeparam>
/// <typeparam name="TStep">The platform's plan step.</typeparam>
public abstract class CampaignPlan<TClient, TTarget, TStep>
    where TClient : class
    where TStep : PlanStep
{
    private readonly DefinitionSchema _schema;
    private readonly Action? _validateCreate;

    private protected CampaignPlan(DefinitionSchema schema, Action? validateCreate, IReadOnlyList<TStep> steps, IReadOnlyList<PlannedRequest<TClient, TTarget, TStep>> requests)
    {
        _schema = schema;
        _validateCreate = validateCreate;
        Steps = steps;
        Requests = requests;
    }

    /// <summary>Every step, numbered from 1: the create (if any), then each change in the order it is sent.</summary>
    public IReadOnlyList<TStep> Steps { get; }

    /// <summary>The requests after the create, in the order they are sent.</summary>
    public IReadOnlyList<PlannedRequest<TClient, TTarget, TStep>> Requests { get; }

    /// <summary>Runs every request's Validate (and the create's) before anything is sent.</summary>
    /// <exception cref="InputValidationException">The platform's DefinitionInvalid naming the definition's section.</exception>
    public void Validate()
    {
        if (_validateCreate != null)
        {
            _schema.CheckRequest("$", _validateCreate, field: "$.name");
        }

        foreach (PlannedRequest<TClient, TTarget, TStep> request in Requests)
        {
            request.Validate();
        }
    }

    /// <summary>Sends the requests after the create to <paramref name="target"/>, in order.</summary>
    private protected async Task SendRequestsAsync(TClient client, TTarget target, CancellationToken cancellationToken)
    {
        foreach (PlannedRequest<TClient, TTarget, TStep> request in Requests)
        {
            await request.SendAsync(client, target, cancellationToken).ConfigureAwait(false);
        }
    }
}
