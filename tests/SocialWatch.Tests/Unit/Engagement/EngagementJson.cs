using System.Text.Json;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;

namespace SocialWatch.Tests.Unit.Engagement;

/// <summary>Snapshots and scores travel as JSON (queue messages, stored scores): the wire names are the documented ones.</summary>
public sealed class EngagementJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void WritesASnapshotWithItsFieldNamesAndReadsItBack()
    {
        var json = JsonSerializer.Serialize(Snapshots.Week, Web);

        Assert.StartsWith("""{"snapshotId":"ig-1_20250602_20250608","businessId":"bakery","profileId":"ig-1","network":"instagram","periodStart":"2025-06-02","periodEnd":"2025-06-08","followers":2000,""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("engagements", json, StringComparison.Ordinal);
        Assert.Equal(Snapshots.Week, JsonSerializer.Deserialize<EngagementSnapshot>(json, Web));
    }

    [Fact]
    public void RefusesASnapshotMissingARequiredFieldNamingIt()
    {
        var json = JsonSerializer.Serialize(Snapshots.Week, Web).Replace("\"followers\":2000,", string.Empty, StringComparison.Ordinal);

        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EngagementSnapshot>(json, Web));

        Assert.Contains("followers", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesScoresThatReadBackToTheSameScores()
    {
        var scores = Snapshots.Scorer().Score(Snapshots.Week with { UniqueEngagers = null, ReturningEngagers = null });
        var json = JsonSerializer.Serialize(scores, Web);

        var read = JsonSerializer.Deserialize<SnapshotScores>(json, Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, Web));
        Assert.Equal(scores.Health.Score, read.Health.Score);
        Assert.Contains("""{"value":null,"notAvailableBecause":"uniqueEngagers not provided"}""", json, StringComparison.Ordinal);
    }
}
