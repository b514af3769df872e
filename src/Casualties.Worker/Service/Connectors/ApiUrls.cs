using System.Text;

namespace Casualties.Worker.Service.Connectors;

/// <summary>Query strings of API requests: built from the feed's URL plus the connector's parameters, and shown without credentials.</summary>
public static class ApiUrls
{
    /// <summary>Query parameters that carry credentials: never shown, stored or accepted in a feed's URL.</summary>
    public static readonly IReadOnlySet<string> Secret = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "appname", "key", "email", "password", "token", "access_token", "api_key", "apikey",
    };

    /// <summary>
    /// The query parameters of <paramref name="url"/> in order, names and values unescaped ('+' read as a space); a
    /// parameter without '=' has an empty value.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Query(Uri url)
    {
        var query = url.Query.TrimStart('?');
        if (query.Length == 0) return [];
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var eq = part.IndexOf('=');
            return eq < 0 ? (Uri.UnescapeDataString(part), "")
                : (Uri.UnescapeDataString(part[..eq].Replace('+', ' ')), Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' ')));
        }).ToList();
    }

    /// <summary>The feed's URL with its own query, minus the parameters the connector sets, plus those.</summary>
    public static Uri With(Uri url, IEnumerable<(string Name, string Value)> parameters)
    {
        var added = parameters.ToList();
        var owned = added.Select(p => Root(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = Query(url).Where(p => !owned.Contains(Root(p.Name)));
        var builder = new UriBuilder(url) { Query = Encode(kept.Concat(added)) };
        return builder.Uri;
    }

    /// <summary>The URL as it may be shown, logged and stored: credential parameters left out.</summary>
    public static string Shown(Uri url)
    {
        var kept = Query(url).Where(p => !Secret.Contains(p.Name)).ToList();
        var builder = new UriBuilder(url) { Query = Encode(kept) };
        return builder.Uri.ToString();
    }

    /// <summary>The first credential parameter the URL carries, if any.</summary>
    public static string? SecretIn(Uri url) => Query(url).Select(p => p.Name).FirstOrDefault(Secret.Contains);

    private static string Root(string name)
    {
        var bracket = name.IndexOf('[');
        return bracket < 0 ? name : name[..bracket];
    }

    private static string Encode(IEnumerable<(string Name, string Value)> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (text.Length > 0) text.Append('&');
            text.Append(Uri.EscapeDataString(name).Replace("%5B", "[").Replace("%5D", "]")).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.ToString();
    }
}
