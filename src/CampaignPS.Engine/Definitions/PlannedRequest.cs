namespace CampaignPS.Engine.Definitions;

/// <summary>
/// One request of a campaign plan: the steps it carries, its client-side check, and the call that sends it to the
/// campaign (<typeparamref name="TTarget"/>: the campaign's id, or the campaign itself when the request needs more of it).
/// </summary>
/// <typeparam name="TClient">The platform's client.</typeparam>
/// <typeparam name="TTarget">What the request is sent to.</typeparam>
/// <typeparam name="TStep">The platform's plan step.</typeparam>
public sealed class PlannedRequest<TClient, TTarget, TStep>
    where TClient : class
    where TStep : PlanStep
{
    private readonly DefinitionSchema _schema;
    private readonly Action _validate;
    private readonly Func<TClient, TTarget, CancellationToken, Task> _send;

    internal PlannedRequest(DefinitionSchema schema, string name, string section, IReadOnlyList<TStep> changes, Action validate, Func<TClient, TTarget, CancellationToken, Task> send)
    {
        _schema = schema;
        Name = name;
        Section = section;
        Changes = changes;
        _validate = validate;
        _send = send;
    }

    /// <summary>What the request does, e.g. "save settings" (the WhatIf/Confirm action names it with its changes).</summary>
    public string Name { get; }

    /// <summary>The definition's section, e.g. $.settings.</summary>
    public string Section { get; }

    /// <summary>The plan steps it carries.</summary>
    public IReadOnlyList<TStep> Changes { get; }

    /// <summary>The WhatIf/Confirm text: the request and the paths it changes.</summary>
    public string Description => $"{char.ToUpperInvariant(Name[0])}{Name.Substring(1)} ({string.Join(", ", Changes.Select(c => c.Path).Distinct())})";

    /// <summary>Runs the request's own Validate; a failure names the definition's section.</summary>
    /// <exception cref="InputValidationException">The platform's DefinitionInvalid, Field the section.</exception>
    public void Validate() => _schema.CheckRequest(Section, _validate);

    /// <summary>Sends the request to <paramref name="target"/>.</summary>
    public Task SendAsync(TClient client, TTarget target, CancellationToken cancellationToken = default) =>
        _send(client ?? throw new ArgumentNullException(nameof(client)), target, cancellationToken);
}
