using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Loops cursor paging: perPage 10..50 (default 20). A cursor names the first item of the
/// next page, so pages stay stable while newer items are added in front.</summary>
internal static class LoopsPager
{
    private const int DefaultPerPage = 20;
    private const int MinPerPage = 10;
    private const int MaxPerPage = 50;

    public static JsonObject Page<T>(IReadOnlyList<T> newestFirst, Func<T, string> idOf, Func<T, JsonNode> render, IQueryCollection query)
    {
        var perPage = ReadPerPage(query);
        var start = ReadStart(query, newestFirst, idOf);
        var page = newestFirst.Skip(start).Take(perPage).ToArray();
        var next = start + perPage;
        var hasNext = next < newestFirst.Count;

        return LoopsJson.Success(new JsonObject
        {
            ["pagination"] = new JsonObject
            {
                ["totalResults"] = newestFirst.Count,
                ["returnedResults"] = page.Length,
                ["perPage"] = perPage,
                ["totalPages"] = (newestFirst.Count + perPage - 1) / perPage,
                ["nextCursor"] = hasNext ? Encode(idOf(newestFirst[next])) : null,
                ["nextPage"] = hasNext ? (next / perPage + 1).ToString(CultureInfo.InvariantCulture) : null,
            },
            ["data"] = new JsonArray(page.Select(render).ToArray()),
        });
    }

    private static int ReadPerPage(IQueryCollection query)
    {
        if (!query.TryGetValue("perPage", out var values))
        {
            return DefaultPerPage;
        }
        var text = values.ToString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var perPage) && perPage is >= MinPerPage and <= MaxPerPage
            ? perPage
            : throw PlatformErrorException.BadRequest($"perPage must be a number between {MinPerPage} and {MaxPerPage} (got \"{text}\").");
    }

    private static int ReadStart<T>(IQueryCollection query, IReadOnlyList<T> items, Func<T, string> idOf)
    {
        var cursor = query["cursor"].ToString();
        if (cursor.Length == 0)
        {
            return 0;
        }
        var id = Decode(cursor);
        for (var i = 0; i < items.Count; i++)
        {
            if (idOf(items[i]) == id)
            {
                return i;
            }
        }
        throw PlatformErrorException.BadRequest($"cursor \"{cursor}\" is not valid.");
    }

    private static string Encode(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id));

    private static string? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
