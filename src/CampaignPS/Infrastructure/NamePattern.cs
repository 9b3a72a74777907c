namespace CampaignPS.Infrastructure;

/// <summary>-Name filters with wildcards: a pattern PowerShell cannot read (an unclosed '[') is bad input, named before anything is sent.</summary>
internal static class NamePattern
{
    public static WildcardPattern? Of(string? name, string errorIdPrefix = "Smartlead")
    {
        if (name == null)
        {
            return null;
        }

        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
        try
        {
            pattern.IsMatch(string.Empty);
        }
        catch (WildcardPatternException)
        {
            throw new InputValidationException(errorIdPrefix + "InvalidName", "Name",
                $"Name '{name}' is not a wildcard pattern PowerShell can read. Escape a literal [ or ] with a backtick (`[), or leave -Name out.");
        }

        return pattern;
    }
}
