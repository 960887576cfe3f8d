namespace SocialWatch.Storage;

/// <summary>A stored record with the version (the table entity's ETag) it was read or written at.</summary>
public sealed record Versioned<T>(T Value, string Version);

/// <summary>One page of a listing, and where the next one starts (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation);

public enum VersionRequirement
{
    /// <summary>No If-Match: the write is unconditional.</summary>
    None,

    /// <summary>If-Match: *: the record must exist, whatever its version.</summary>
    Exists,

    /// <summary>If-Match with an entity-tag: the record must be at exactly that version.</summary>
    Matches,
}

/// <summary>The precondition a caller set on a write (HTTP If-Match), checked against the stored version.</summary>
public readonly record struct VersionCondition(VersionRequirement Requirement, string? Version)
{
    public static VersionCondition None => new(VersionRequirement.None, null);

    public static VersionCondition Exists => new(VersionRequirement.Exists, null);

    public static VersionCondition Matches(string version) => new(VersionRequirement.Matches, version);

    public bool IsConditional => Requirement != VersionRequirement.None;

    public bool IsSatisfiedBy(string currentVersion) => Requirement != VersionRequirement.Matches || string.Equals(Version, currentVersion, StringComparison.Ordinal);
}

public enum WriteStatus
{
    Written,
    NotFound,
    VersionMismatch,
    AlreadyExists,
}

/// <summary>How a write went; <see cref="Version"/> is the new version when it was written.</summary>
public readonly record struct WriteResult(WriteStatus Status, string? Version)
{
    public static WriteResult Written(string version) => new(WriteStatus.Written, version);

    public static WriteResult Failed(WriteStatus status) => new(status, null);
}

/// <summary>
/// Data kept per business (tenant). Deleting a business purges every registered <see cref="ITenantData"/>: register a new
/// store as one, so that a deleted tenant leaves nothing behind.
/// </summary>
public interface ITenantData
{
    /// <summary>Removes everything this store holds for the business. Idempotent: a retry after a failure finishes the job.</summary>
    Task DeleteTenantAsync(string businessId, CancellationToken cancellationToken);
}
