using System.Text.Json.Serialization;

namespace SocialWatch.Businesses;

/// <summary>Who the business sells to; it sets which benchmarks and networks apply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Audience>))]
public enum Audience
{
    [JsonStringEnumMemberName("business")] Business,
    [JsonStringEnumMemberName("consumer")] Consumer,
}

/// <summary>A business is live, or on its way out: while its data is purged it answers as if it no longer existed.</summary>
public enum BusinessStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("deleting")] Deleting,
}

/// <summary>A named person with an email address: a business's owner, a plan's accountable owner.</summary>
public sealed record Person(string Name, string Email);

/// <summary>
/// A business: the tenant. Its id is a slug ([a-z0-9-], 3 to 40) that keys every table's partition and every URL.
/// <see cref="AllowedOrigins"/> are the origins of its own site, allowed to call the API from a browser (CORS).
/// </summary>
public sealed record Business(
    string Id,
    string Name,
    IReadOnlyList<string> Websites,
    Audience Audience,
    string TimeZone,
    Person Owner,
    IReadOnlyList<string> AllowedOrigins,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore]
    public BusinessStatus Status { get; init; } = BusinessStatus.Active;

    [JsonIgnore]
    public bool IsActive => Status == BusinessStatus.Active;

    /// <summary>Today's date as the business's own clock reads it (deadlines and review dates are its dates).</summary>
    public DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}

/// <summary>The body of POST and PUT /api/businesses[/{businessId}]; every field is checked by <see cref="BusinessRules"/>.</summary>
public sealed record BusinessInput(
    string? Name,
    IReadOnlyList<string?>? Websites,
    Audience? Audience,
    string? TimeZone,
    PersonInput? Owner,
    IReadOnlyList<string?>? AllowedOrigins = null,
    string? Id = null);

public sealed record PersonInput(string? Name, string? Email);
