namespace CampaignPS.Engine.Loops;

/// <summary>
/// One kind of the team's named things (mailing lists, audience segments or campaign groups) by id and by name: a
/// definition names them, the API takes ids.
/// </summary>
public sealed class LoopsNameIndex
{
    /// <summary>The error of a definition naming something the team does not have.</summary>
    public const string NotFoundErrorId = "LoopsDefinitionNameNotFound";

    private readonly IReadOnlyList<KeyValuePair<string, string>> _items;
    private readonly string _what;
    private readonly string _listCommand;

    /// <summary>Creates the index of <paramref name="items"/> (id, name); <paramref name="listCommand"/> is the cmdlet that lists them.</summary>
    public LoopsNameIndex(IEnumerable<KeyValuePair<string, string>> items, string what, string listCommand)
    {
        _items = (items ?? throw new ArgumentNullException(nameof(items))).ToList();
        _what = what;
        _listCommand = listCommand;
    }

    /// <summary>The name of <paramref name="id"/>; an id the team does not know is kept as it is, so nothing is lost.</summary>
    public string? NameOf(string? id) =>
        string.IsNullOrEmpty(id) ? null : _items.Where(i => i.Key == id).Select(i => i.Value).DefaultIfEmpty(id!).First();

    /// <summary>
    /// The id of <paramref name="name"/> (the definition's value at <paramref name="path"/>): the exact name first, then
    /// one that differs only in case, then an id as it is (what <see cref="NameOf"/> keeps).
    /// </summary>
    /// <exception cref="InputValidationException">LoopsDefinitionNameNotFound: no such name, or more than one; the message names the cmdlet that lists them.</exception>
    public string IdOf(string name, string path)
    {
        var matches = _items.Where(i => string.Equals(i.Value, name, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0)
        {
            matches = _items.Where(i => string.Equals(i.Value, name, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (matches.Count == 1)
        {
            return matches[0].Key;
        }

        if (matches.Count == 0 && _items.Any(i => i.Key == name))
        {
            return name;
        }

        string message = matches.Count == 0
            ? $"{path} is '{name}', which is not a {_what} of this team. {(_items.Count == 0 ? $"The team has no {_what}" : "Give one of: " + string.Join(", ", _items.Select(i => "'" + i.Value + "'")))} ({_listCommand} lists them)."
            : $"{path} is '{name}', and the team has {matches.Count} {_what}s of that name. Give the id instead ({_listCommand} lists them).";
        throw new InputValidationException(NotFoundErrorId, path, message);
    }
}
