namespace CampaignPS.Infrastructure;

/// <summary>
/// The ShouldProcess policies of CampaignPS, one place for all cmdlets: an ordinary change, a change
/// that -Force may answer (unattended runbooks), and a change that sends mail or SMS.
/// </summary>
public sealed class Confirmation
{
    private readonly PSCmdlet _cmdlet;
    private bool _yesToAll;
    private bool _noToAll;

    internal Confirmation(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>ShouldProcess as PowerShell defines it: -WhatIf, -Confirm and $ConfirmPreference decide.</summary>
    public bool Change(string target, string action) => _cmdlet.ShouldProcess(target, action);

    /// <summary>
    /// ShouldProcess that <c>-Force</c> can answer: with -Force (and no -WhatIf) the change goes ahead
    /// without a prompt, as unattended runbooks need.
    /// </summary>
    public bool UnlessForced(string target, string action, bool force)
    {
        if (force && !WhatIfRequested())
        {
            return true;
        }

        return _cmdlet.ShouldProcess(target, action);
    }

    /// <summary>
    /// ShouldProcess for a change that sends email or SMS and cannot be undone, in a cmdlet whose everyday changes
    /// are Medium impact (so they do not prompt). Sending is treated as High impact, the standard way: -WhatIf shows
    /// it; -Force, -Confirm:$false and $ConfirmPreference = 'None' go ahead without asking; -Confirm asks through
    /// ShouldProcess; otherwise ShouldContinue asks, with Yes to All and No to All kept for the rest of the pipeline.
    /// </summary>
    public bool Send(string target, string action, bool force)
    {
        if (WhatIfRequested())
        {
            return _cmdlet.ShouldProcess(target, action);
        }

        if (force)
        {
            return true;
        }

        if (!_cmdlet.ShouldProcess(target, action))
        {
            return false;
        }

        if (ConfirmAnsweredAlready() || HighImpactIsNotConfirmed())
        {
            return true;
        }

        return _cmdlet.ShouldContinue($"{action} on {target}? This sends messages to real recipients and cannot be undone.", "Confirm sending", ref _yesToAll, ref _noToAll);
    }

    // -Confirm (either way) was given, or $ConfirmPreference is Medium or lower so ShouldProcess already asked.
    private bool ConfirmAnsweredAlready()
    {
        if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        return Preference() is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
    }

    // $ConfirmPreference = 'None': nothing is confirmed, not even High impact.
    private bool HighImpactIsNotConfirmed() => Preference() is ConfirmImpact impact && impact == ConfirmImpact.None;

    private object? Preference()
    {
        object? value = _cmdlet.GetVariableValue("ConfirmPreference");
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value is string text && Enum.TryParse(text, true, out ConfirmImpact parsed) ? parsed : value;
    }

    /// <summary>True when -WhatIf (or $WhatIfPreference) asks what would happen, so nothing is sent.</summary>
    internal bool WhatIfRequested()
    {
        if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value))
        {
            return LanguagePrimitives.IsTrue(value);
        }

        return LanguagePrimitives.IsTrue(_cmdlet.GetVariableValue("WhatIfPreference"));
    }
}
