using System.Text;
using Casualties.Domain.Reference;

namespace Casualties.Ingestion.Resolution;

/// <summary>
/// The side a dataset row's actor stands for (issue 15): its side key when the reference data maps the actor,
/// else the actor as written, normalised — lower case, single spaces, without ACLED's period in parentheses
/// ("Military Forces of Mali (2021-)" → "military forces of mali"). Unknown must not merge what a row keeps
/// apart: UCDP's deaths_a and deaths_b are different groups whether or not the seeds know the sides' names.
/// </summary>
public static class SideNames
{
    /// <summary>The actor's side key, else its normalised name; null when the row names no actor.</summary>
    public static string? SideOrName(Actor? actor, string? name) => actor?.Side ?? Normalise(name);

    /// <summary>An actor's name as a side: lower case, single spaces, a trailing parenthesis dropped; null when empty.</summary>
    public static string? Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim();
        var open = text.LastIndexOf('(');
        if (open > 0 && text.EndsWith(')')) text = text[..open];
        var normal = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (normal.Length > 0 && normal[^1] != ' ') normal.Append(' ');
            }
            else
            {
                normal.Append(char.ToLowerInvariant(c));
            }
        }
        var result = normal.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }
}
