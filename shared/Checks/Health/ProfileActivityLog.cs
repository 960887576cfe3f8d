using SocialWatch.Profiles;

namespace SocialWatch.Checks.Health;

/// <summary>Records a profile's last activity on its health record; an older time than the one known changes nothing.</summary>
public sealed class ProfileActivityLog(IProfileHealthStore store) : IProfileActivityLog
{
    public Task RecordAsync(ProfileKey profile, DateTimeOffset lastActivityAt, ActivitySource source, CancellationToken cancellationToken) =>
        store.UpdateAsync(
            profile,
            current => Task.FromResult(current.WithActivity(lastActivityAt, source) is var changed && !ReferenceEquals(changed, current) ? changed : null),
            cancellationToken);
}
