using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Collectors.Collection;

/// <summary>The queue that asks the CollectProfile function to collect one profile: {"businessId": "...", "profileId": "..."}.</summary>
public sealed class CollectionQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "collect";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public async Task SendAsync(ProfileKey profile, CancellationToken cancellationToken)
    {
        await queue.SendAsync(JsonSerializer.Serialize(new Message(profile.BusinessId, profile.ProfileId), Json), cancellationToken);
    }

    public static ProfileKey Read(string message) =>
        JsonSerializer.Deserialize<Message>(message, Json) is { BusinessId.Length: > 0, ProfileId.Length: > 0 } read
            ? new ProfileKey(read.BusinessId, read.ProfileId)
            : throw new FormatException("A collect message names a businessId and a profileId.");

    private sealed record Message(string BusinessId, string ProfileId);
}
