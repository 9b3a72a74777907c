namespace CampaignPS.Engine.Definitions;

/// <summary>
/// One difference between a definition and the live campaign, as Sync-*Campaign -WhatIf lists it: where in the
/// definition (Path, a JSON path), what changes (Old → New), and which request carries it. Each platform's step adds the
/// campaign id in the platform's own type.
/// </summary>
public abstract class PlanStep
{
    private protected PlanStep()
    {
    }

    /// <summary>Position in the plan, from 1.</summary>
    public int Step { get; internal set; }

    /// <summary>Create, Set, Add or Remove.</summary>
    public PlanAction Action { get; internal set; }

    /// <summary>Where in the definition, e.g. $.settings.maxLeadsPerDay or $.emailMessage.subject.</summary>
    public string Path { get; internal set; } = string.Empty;

    /// <summary>The campaign's value now (null when there is none).</summary>
    public string? Old { get; internal set; }

    /// <summary>The definition's value (null when it is removed).</summary>
    public string? New { get; internal set; }

    /// <summary>The request that carries the change, e.g. "save settings".</summary>
    public string Request { get; internal set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Step}. {Action} {Path}: {Old ?? "(none)"} -> {New ?? "(none)"}";
}
