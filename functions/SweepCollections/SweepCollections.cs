using SocialWatch.Collectors.Collection;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>On %COLLECT_SCHEDULE% (hourly by default): one collect message per profile whose collection is due.</summary>
public sealed class SweepCollections(ProfileCollection collection) : ITimerFunction
{
    public const string Name = nameof(SweepCollections);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => collection.SweepAsync(cancellationToken);
}
