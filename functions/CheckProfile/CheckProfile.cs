using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "check-profile": checks one profile and applies the result to its health (alerts included).</summary>
public sealed class CheckProfile(ProfileCheckRunner runner) : IQueueFunction
{
    public const string Name = nameof(CheckProfile);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        runner.RunAsync(CheckProfileMessage.Read(message.Body), cancellationToken);
}
