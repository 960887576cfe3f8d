using SocialWatch.Validation;

namespace SocialWatch;

public enum OutcomeStatus
{
    Ok,
    Created,
    NotFound,
    Invalid,
    VersionMismatch,
    Conflict,
}

/// <summary>
/// What a service call came to: a value (with its version when it has one), or one of the expected ways of failing, with
/// errors keyed by the field at fault. Services return these instead of throwing; the HTTP layer maps them to responses.
/// Made by the factory methods of <see cref="Outcome"/>.
/// </summary>
public sealed class Outcome<T>
{
    internal Outcome(OutcomeStatus status, T? value, string? version, IReadOnlyDictionary<string, string[]> errors)
    {
        Status = status;
        Value = value;
        Version = version;
        Errors = errors;
    }

    public OutcomeStatus Status { get; }

    /// <summary>Set when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    public string? Version { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Status is OutcomeStatus.Ok or OutcomeStatus.Created;

    /// <summary>The same failure, for a call that returns another type.</summary>
    public Outcome<TOther> Failure<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failed outcome converts to another type.") : new(Status, default, null, Errors);
}

public static class Outcome
{
    /// <summary>Version preconditions come from the If-Match header, so that is the field at fault.</summary>
    public const string VersionField = "If-Match";

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static Outcome<T> Ok<T>(T value, string? version = null) => new(OutcomeStatus.Ok, value, version, NoErrors);

    public static Outcome<T> Created<T>(T value, string version) => new(OutcomeStatus.Created, value, version, NoErrors);

    public static Outcome<T> NotFound<T>(string field, string message) => new(OutcomeStatus.NotFound, default, null, ValidationErrors.Single(field, message));

    public static Outcome<T> Invalid<T>(ValidationErrors errors) => new(OutcomeStatus.Invalid, default, null, errors.ToDictionary());

    public static Outcome<T> VersionMismatch<T>() =>
        new(OutcomeStatus.VersionMismatch, default, null, ValidationErrors.Single(VersionField, "does not match the current version: read it again (GET), then retry with its ETag"));

    public static Outcome<T> Conflict<T>(string field, string message) => new(OutcomeStatus.Conflict, default, null, ValidationErrors.Single(field, message));
}

/// <summary>The value of a successful delete: which record went.</summary>
public sealed record Removed(string Id);
