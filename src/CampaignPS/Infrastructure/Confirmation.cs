namespace CampaignPS.Infrastructure;

/// <summary>
/// The ShouldProcess policies of CampaignPS, one place for all cmdlets: an ordinary change, a change
/// that -Force may answer (unattended runbooks), and a change that sends mail or SMS.
/// </summary>
public sealed class Confirmation
{
    private readonly PSCmdlet _cmdlet;

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
    /// ShouldProcess for a change that sends email or SMS and cannot be undone. The cmdlet keeps a
    /// Medium ConfirmImpact so its everyday changes do not prompt; sending asks like a High-impact
    /// change would: -WhatIf shows it, -Force or -Confirm:$false go ahead, otherwise the user is asked.
    /// </summary>
    public bool Send(string target, string action, bool force)
    {
        if (!UnlessForced(target, action, force))
        {
            return false;
        }

        if (force || ConfirmAnsweredAlready())
        {
            return true;
        }

        return _cmdlet.ShouldContinue($"{action} on {target}? This sends messages to real recipients and cannot be undone.", "Confirm sending");
    }

    // -Confirm (either way) was given, or $ConfirmPreference is Medium or lower so ShouldProcess already asked.
    private bool ConfirmAnsweredAlready()
    {
        if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        object? preference = _cmdlet.GetVariableValue("ConfirmPreference");
        return preference is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
    }

    private bool WhatIfRequested()
    {
        if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value))
        {
            return LanguagePrimitives.IsTrue(value);
        }

        return LanguagePrimitives.IsTrue(_cmdlet.GetVariableValue("WhatIfPreference"));
    }
}
