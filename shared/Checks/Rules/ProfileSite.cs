using System.Text.RegularExpressions;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Rules;

/// <summary>One site of the rule data (a network, or one of the services a network value covers: Threads, Reddit, Medium...).</summary>
public sealed class ProfileSite
{
    internal ProfileSite(string id, Network network, Regex hosts, IReadOnlyList<ProfilePattern> profiles)
    {
        Id = id;
        Network = network;
        Hosts = hosts;
        Profiles = profiles;
    }

    public string Id { get; }

    public Network Network { get; }

    /// <summary>Profiles may live on any host (a federated network): recognised there only when declared or linked with rel="me".</summary>
    public bool AnyHost { get; internal init; }

    /// <summary>The URL template checked instead of the profile page ({origin}, {host}, {handle}, {api}), if the site has an API.</summary>
    public string? Probe { get; internal init; }

    /// <summary>The default origin of the probe's {api}.</summary>
    public Uri? Api { get; internal init; }

    public IReadOnlyList<ResponseRule> Rules { get; internal init; } = [];

    internal Regex Hosts { get; }

    internal IReadOnlyList<ProfilePattern> Profiles { get; }

    internal IReadOnlyList<LoginWall> LoginWalls { get; init; } = [];

    internal bool HasHost(string normalisedHost) => Hosts.IsMatch(normalisedHost);

    /// <summary>Matches a profile URL shape; <paramref name="anyHost"/> lifts the host conditions (for federated sites).</summary>
    internal bool TryMatchProfile(string normalisedHost, string path, bool anyHost, out string? handle)
    {
        foreach (var pattern in Profiles)
        {
            if (pattern.TryMatch(normalisedHost, path, anyHost || HasHost(normalisedHost), anyHost, out handle))
            {
                return true;
            }
        }

        handle = null;
        return false;
    }

    /// <summary>The id of the login-wall rule a URL matches, or null.</summary>
    internal string? LoginWallAt(string normalisedHost, string path) =>
        LoginWalls.FirstOrDefault(w => w.Matches(normalisedHost, path, HasHost(normalisedHost)))?.Id;

    /// <summary>The URL to fetch for a profile: the probe filled in, or the profile URL itself when the site has no probe or no handle.</summary>
    public Uri FetchUrl(Uri profileUrl, string? handle, Uri? apiOverride)
    {
        if (Probe is null || (Probe.Contains("{handle}", StringComparison.Ordinal) && handle is null))
        {
            return profileUrl;
        }

        var api = (apiOverride ?? Api)?.GetLeftPart(UriPartial.Authority) ?? string.Empty;
        return new Uri(Probe
            .Replace("{origin}", profileUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace("{host}", profileUrl.IdnHost, StringComparison.Ordinal)
            .Replace("{api}", api, StringComparison.Ordinal)
            .Replace("{handle}", Uri.EscapeDataString(handle ?? string.Empty), StringComparison.Ordinal));
    }
}

/// <summary>A profile URL shape: an optional host pattern (else the site's hosts) and a path pattern, either may capture the handle.</summary>
internal sealed record ProfilePattern(Regex? Host, Regex Path)
{
    public bool TryMatch(string normalisedHost, string path, bool siteHost, bool anyHost, out string? handle)
    {
        handle = null;
        Match? hostMatch = null;
        if (Host is not null && !anyHost)
        {
            hostMatch = Host.Match(normalisedHost);
            if (!hostMatch.Success)
            {
                return false;
            }
        }
        else if (!siteHost)
        {
            return false;
        }

        var pathMatch = Path.Match(path);
        if (!pathMatch.Success)
        {
            return false;
        }

        handle = pathMatch.Groups["handle"] is { Success: true } fromPath ? fromPath.Value
            : hostMatch?.Groups["handle"] is { Success: true } fromHost ? fromHost.Value
            : null;
        return true;
    }
}

internal sealed record LoginWall(string Id, Regex? Host, Regex? Path)
{
    public bool Matches(string normalisedHost, string path, bool siteHost) =>
        (Host?.IsMatch(normalisedHost) ?? siteHost) && (Path?.IsMatch(path) ?? true);
}

/// <summary>A URL recognised as belonging to a site; <see cref="IsProfile"/> when it has a profile's shape (not a post or a share button).</summary>
public sealed record SiteMatch(ProfileSite Site, string? Handle, bool IsProfile);
