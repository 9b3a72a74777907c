namespace CampaignPS.Engine.Validation;

/// <summary>Matches column and key names however they are spelled: FirstName, first_name, first-name and "First Name" are one name.</summary>
public static class FieldNames
{
    /// <summary>Lower case without separators.</summary>
    public static string Normalize(string name) =>
        new string(name.Where(c => c != '_' && c != '-' && c != ' ' && c != '.').Select(char.ToLowerInvariant).ToArray());
}
