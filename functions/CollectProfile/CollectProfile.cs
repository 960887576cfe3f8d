using SocialWatch.Collectors.Collection;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "collect": reads one profile's open source (feed, Mastodon, Bluesky) and records what it says.</summary>
public sealed class CollectProfile(ProfileCollection collection) : IQueueFunction
{
    public const string Name = nameof(CollectProfile);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        collection.CollectAsync(CollectionQueue.Read(message.Body), cancellationToken);
}
