using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Collectors.Collection;

/// <summary>
/// One collect message: the profile, and the collection state the sweep read for it with that state's version (or none when
/// the profile had no state yet). The collection then starts from the carried state instead of reading it again, and writes
/// its new state on condition that no one wrote one since. A message without a carried state (an older one) reads it.
/// </summary>
public sealed record CollectionRequest(ProfileKey Profile, CarriedState? Carried = null);

/// <summary>The state as the sweep read it: null when the profile had none (the collection then inserts one).</summary>
public sealed record CarriedState(CollectionState? State, string? Version);

/// <summary>
/// The queue that asks the CollectProfile function to collect one profile:
/// {"businessId": "...", "profileId": "...", "carried": {"state": {...}, "version": "..."}}.
/// </summary>
public sealed class CollectionQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "collect";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public async Task SendAsync(ProfileKey profile, Versioned<CollectionState>? state, CancellationToken cancellationToken)
    {
        var message = new Message(profile.BusinessId, profile.ProfileId, new CarriedState(state?.Value, state?.Version));
        await queue.SendAsync(JsonSerializer.Serialize(message, Json), cancellationToken);
    }

    public static CollectionRequest Read(string message) =>
        JsonSerializer.Deserialize<Message>(message, Json) is { BusinessId.Length: > 0, ProfileId.Length: > 0 } read
            && (read.Carried?.State is null || read.Carried is { Version.Length: > 0 })
            ? new CollectionRequest(new ProfileKey(read.BusinessId, read.ProfileId), read.Carried)
            : throw new FormatException("A collect message names a businessId and a profileId, and a carried state has its version.");

    private sealed record Message(string BusinessId, string ProfileId, CarriedState? Carried = null);
}
