using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Sweeps;

namespace SocialWatch.Functions;

/// <summary>Queue "check-profile": checks one profile and applies the result to its health (alerts included).</summary>
public sealed class CheckProfile(ProfileCheckRunner runner)
{
    [Function(nameof(CheckProfile))]
    public Task Run([QueueTrigger("check-profile")] string message, CancellationToken cancellationToken) =>
        runner.RunAsync(CheckProfileMessage.Read(message), cancellationToken);
}
