using System.Net;
using System.Text;
using System.Text.Json;
using SocialWatch.Checks.Fetching;

namespace SocialWatch.Checks.Rules;

/// <summary>What rules read from the final answer of a fetch; the body and its JSON are prepared once, on first use.</summary>
public sealed class ResponseFacts(FetchOutcome outcome, ProfileRuleSet rules, SiteMatch? target)
{
    private string? body;
    private bool jsonRead;
    private JsonElement? json;

    public int? Status => outcome.Status;

    public bool Redirected => outcome.Hops.Count > 0;

    /// <summary>The final host, normalised as the rule data says (lowercase, www. and the like removed).</summary>
    public string FinalHost => rules.NormaliseHost(outcome.FinalUrl.IdnHost);

    public string FinalPath => outcome.FinalUrl.AbsolutePath;

    /// <summary>The body with HTML entities decoded, typographic apostrophes made plain and whitespace runs collapsed, so one marker matches every spelling.</summary>
    public string Body => body ??= NormaliseText(outcome.Body);

    /// <summary>Whether redirects ended on a profile of the same site with another handle (a renamed account).</summary>
    public bool RedirectedToOtherProfile =>
        Redirected
        && target is { Handle: { } handle }
        && rules.Recognise(outcome.FinalUrl) is { IsProfile: true } final
        && final.Site == target.Site
        && !string.Equals(final.Handle, handle, StringComparison.OrdinalIgnoreCase);

    public string? Header(string name) => outcome.Header(name);

    /// <summary>The value at a dotted path of the JSON body, or null when the body is not JSON or has no such value.</summary>
    public JsonElement? JsonAt(string path)
    {
        if (!jsonRead)
        {
            json = ParseJson(outcome.Body);
            jsonRead = true;
        }

        var current = json;
        foreach (var name in path.Split('.'))
        {
            if (current is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(name, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    public static string NormaliseText(string text)
    {
        var decoded = WebUtility.HtmlDecode(text);
        var builder = new StringBuilder(decoded.Length);
        var lastWasSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : c);
            lastWasSpace = false;
        }

        return builder.ToString();
    }

    private static JsonElement? ParseJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return null; // looked like JSON but is not (or was cut by the body cap): JSON conditions do not match
        }
    }
}
