using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "check-profile-later": a check a host asked us to come back to (Retry-After), run as CheckProfile runs it.</summary>
public sealed class CheckProfileLater(ProfileCheckRunner runner) : IQueueFunction
{
    public const string Name = nameof(CheckProfileLater);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        runner.RunAsync(CheckProfileMessage.Read(message.Body), cancellationToken);
}
