using Microsoft.Azure.Functions.Worker;
using SocialWatch.Collectors.Collection;

namespace SocialWatch.Functions;

/// <summary>Queue "collect": reads one profile's open source (feed, Mastodon, Bluesky) and records what it says.</summary>
public sealed class CollectProfile(ProfileCollection collection)
{
    [Function(nameof(CollectProfile))]
    public Task Run([QueueTrigger("collect")] string message, CancellationToken cancellationToken) =>
        collection.CollectAsync(CollectionQueue.Read(message), cancellationToken);
}
