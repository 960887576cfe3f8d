using System.Diagnostics.CodeAnalysis;

namespace SocialWatch.Collectors.Mastodon;

/// <summary>
/// A Mastodon account by its home instance and username, and the public API addresses to read it (no key needed):
/// GET /api/v1/accounts/lookup?acct=, then /api/v1/accounts/:id/statuses (pages via max_id).
/// </summary>
public sealed record MastodonAccount(Uri Instance, string Username)
{
    public Uri LookupUri => new(Instance, "/api/v1/accounts/lookup?acct=" + Uri.EscapeDataString(Username));

    /// <summary>
    /// Reads https://host/@user, https://host/@user@home (a remote account: its home instance answers), https://host/users/user,
    /// the RSS address https://host/@user.rss, and the handles @user@host or user@host.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MastodonAccount? account)
    {
        account = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var name = segments switch
            {
                [var at] when at.StartsWith('@') => at[1..],
                ["users", var user] => user,
                _ => null,
            };
            if (name is null)
            {
                return false;
            }

            name = name.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
            return TryFromHandle(name.Contains('@', StringComparison.Ordinal) ? name : $"{name}@{url.Authority}", url.Scheme, out account);
        }

        return TryFromHandle(text.TrimStart('@'), "https", out account);
    }

    /// <summary>The account by the id an earlier lookup gave: later collections skip the lookup.</summary>
    public Uri AccountUri(string accountId) => new(Instance, "/api/v1/accounts/" + Uri.EscapeDataString(accountId));

    public static Uri StatusesUri(Uri instance, string accountId, string? maxId, int limit)
    {
        var query = $"/api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={limit}";
        return new Uri(instance, maxId is null ? query : $"{query}&max_id={Uri.EscapeDataString(maxId)}");
    }

    private static bool TryFromHandle(string handle, string scheme, [NotNullWhen(true)] out MastodonAccount? account)
    {
        account = null;
        var at = handle.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != handle.LastIndexOf('@') || !IsUsername(handle.AsSpan(0, at))
            || !Uri.TryCreate($"{scheme}://{handle[(at + 1)..]}/", UriKind.Absolute, out var instance)
            || instance.AbsolutePath != "/" || !string.IsNullOrEmpty(instance.UserInfo) || !instance.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        account = new MastodonAccount(instance, handle[..at]);
        return true;
    }

    private static bool IsUsername(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
