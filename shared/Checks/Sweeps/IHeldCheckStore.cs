using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>Checks held until their host lets us call again; a business's held checks are one partition (purged with it).</summary>
public interface IHeldCheckStore : IRecordStore<HeldCheckKey, HeldCheck>
{
    /// <summary>Every check held for the host, whatever its business.</summary>
    Task<IReadOnlyList<Versioned<HeldCheck>>> ListByHostAsync(string host, CancellationToken cancellationToken);
}
