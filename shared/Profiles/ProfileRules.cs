using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Profiles;

/// <summary>What a profile must hold: a known network, an absolute http(s) URL, a handle; optionally a feed URL and an owner's email.</summary>
public static class ProfileRules
{
    public const int MaxHandleLength = 100;

    /// <summary>Profile ids are version 7 GUIDs in 32 hex digits: in row key order they are in creation order.</summary>
    public static string NewId(TimeProvider time) => TimeOrderedIds.Next(time.GetUtcNow());

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static Profile? Validate(ProfileInput input, string businessId, string id, DateTimeOffset now, ValidationErrors errors)
    {
        var network = errors.Required("network", input.Network);
        var url = errors.RequiredHttpUrl("url", input.Url);
        var handle = errors.RequiredText("handle", input.Handle, MaxHandleLength);
        var feedUrl = errors.OptionalHttpUrl("feedUrl", input.FeedUrl);
        var ownerEmail = errors.OptionalEmail("ownerEmail", input.OwnerEmail);
        return errors.IsEmpty ? new Profile(businessId, id, network!.Value, url!, handle!, feedUrl, ownerEmail, now, now) : null;
    }
}
