namespace SocialWatch.Profiles;

/// <summary>One of a business's profiles on a network. <see cref="Id"/> is assigned by the server (time-ordered).</summary>
public sealed record Profile(
    string BusinessId,
    string Id,
    Network Network,
    string Url,
    string Handle,
    string? FeedUrl,
    string? OwnerEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The body of POST /profiles and PUT /profiles/{profileId}; checked by <see cref="ProfileRules"/>.</summary>
public sealed record ProfileInput(Network? Network, string? Url, string? Handle, string? FeedUrl = null, string? OwnerEmail = null);

/// <summary>How a plan shows a profile: enough for the business's site to link to it.</summary>
public sealed record ProfileLink(string Id, Network Network, string Url, string Handle)
{
    public static ProfileLink Of(Profile profile) => new(profile.Id, profile.Network, profile.Url, profile.Handle);
}

/// <summary>Identifies a profile: its business, then its id.</summary>
public readonly record struct ProfileKey(string BusinessId, string ProfileId);
