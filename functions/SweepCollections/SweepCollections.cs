using Microsoft.Azure.Functions.Worker;
using SocialWatch.Collectors.Collection;

namespace SocialWatch.Functions;

/// <summary>On %COLLECT_SCHEDULE% (hourly by default): one collect message per profile whose collection is due.</summary>
public sealed class SweepCollections(ProfileCollection collection)
{
    [Function(nameof(SweepCollections))]
    public Task Run([TimerTrigger("%COLLECT_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) => collection.SweepAsync(cancellationToken);
}
