using System.Text.Json.Serialization;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Campaigns;

/// <summary>What the business concluded about a campaign once its outcome periods were in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignOutcome>))]
public enum CampaignOutcome
{
    [JsonStringEnumMemberName("worked")] Worked,
    [JsonStringEnumMemberName("did-not-work")] DidNotWork,
    [JsonStringEnumMemberName("unclear")] Unclear,
}

/// <summary>
/// A decision in the campaign log: what was done, when, on which networks, with which message, and the effect expected;
/// later, whether it worked. The figures of the periods that followed are linked when the log is read.
/// </summary>
public sealed record Campaign(
    string BusinessId,
    string Id,
    string What,
    DateOnly StartDate,
    DateOnly? EndDate,
    IReadOnlyList<Network> Networks,
    string Message,
    string ExpectedEffect,
    CampaignOutcome? Outcome,
    string? OutcomeNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The body of POST and PUT .../campaigns; checked by <see cref="CampaignRules"/>. No networks means all of them.</summary>
public sealed record CampaignInput(
    string? What,
    DateOnly? StartDate,
    string? Message,
    string? ExpectedEffect,
    DateOnly? EndDate = null,
    IReadOnlyList<Network?>? Networks = null,
    CampaignOutcome? Outcome = null,
    string? OutcomeNote = null);

public readonly record struct CampaignKey(string BusinessId, string CampaignId);

/// <summary>A business's campaign log; ids are time-ordered, so a listing is oldest first.</summary>
public interface ICampaignStore : IRecordStore<CampaignKey, Campaign>;
