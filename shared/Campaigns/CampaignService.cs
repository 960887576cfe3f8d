using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Campaigns;

/// <summary>One period's figures of a profile, as the campaign log shows them around a campaign.</summary>
public sealed record CampaignPeriod(
    string ProfileId,
    Network Network,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long Followers,
    long Posts,
    long Engagements,
    double? EngagementRatePercent,
    long? LinkClicks,
    long? Leads,
    long? Conversions,
    double? HealthScore)
{
    public static CampaignPeriod Of(SnapshotScores s) => new(s.ProfileId, s.Network, s.PeriodStart, s.PeriodEnd, s.Followers, s.Posts, s.Engagements,
        s.EngagementRate.ByFollowersPerPost.Value, s.Funnel.LinkClicks, s.Funnel.Leads, s.Funnel.Conversions, s.Health.Score.Value);
}

/// <summary>
/// A campaign with its outcome linked from the snapshots: for each profile on its networks, the last period before it
/// started (<see cref="Before"/>) and the periods that started from its first day on (<see cref="After"/>, at most
/// <see cref="CampaignService.OutcomePeriods"/> per profile).
/// </summary>
public sealed record CampaignView(Campaign Campaign, IReadOnlyList<CampaignPeriod> Before, IReadOnlyList<CampaignPeriod> After);

/// <summary>The campaign log of a business: record decisions, read them back with the figures that followed, mark the outcome.</summary>
public sealed class CampaignService(ICampaignStore campaigns, ISnapshotStore snapshots, TimeProvider time)
{
    /// <summary>Periods after the start linked to a campaign: a month of weeks, enough to see an effect and its fading.</summary>
    public const int OutcomePeriods = 4;

    /// <summary>The whole log, oldest first, each campaign with its linked periods: two partition queries.</summary>
    public async Task<Outcome<Page<CampaignView>>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var log = campaigns.ListAsync(businessId, cancellationToken);
        var scores = snapshots.ListScoresAsync(businessId, cancellationToken);
        await Task.WhenAll(log, scores);
        return Outcome.Ok(new Page<CampaignView>((await log).Select(c => View(c.Value, scores.Result)).ToList(), null));
    }

    public async Task<Outcome<CampaignView>> GetAsync(string businessId, string campaignId, CancellationToken cancellationToken)
    {
        var campaign = campaigns.FindAsync(new CampaignKey(businessId, campaignId), cancellationToken);
        var scores = snapshots.ListScoresAsync(businessId, cancellationToken);
        await Task.WhenAll(campaign, scores);
        return await campaign is { } found ? Outcome.Ok(View(found.Value, scores.Result), found.Version) : NotFound<CampaignView>();
    }

    public async Task<Outcome<Campaign>> CreateAsync(string businessId, CampaignInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        var campaign = CampaignRules.Validate(input, businessId, TimeOrderedIds.Next(now), now, now, errors);
        if (campaign is null)
        {
            return Outcome.Invalid<Campaign>(errors);
        }

        var written = await campaigns.InsertAsync(campaign, cancellationToken);
        return written.Status == WriteStatus.Written
            ? Outcome.Created(campaign, written.Version!)
            : throw new InvalidOperationException($"The new campaign id {campaign.Id} of {businessId} is already taken: ids are version 7 GUIDs and must not collide.");
    }

    public async Task<Outcome<Campaign>> ReplaceAsync(string businessId, string campaignId, CampaignInput input, VersionCondition condition, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(new CampaignKey(businessId, campaignId), cancellationToken) is not { } current)
        {
            return NotFound<Campaign>();
        }

        var errors = new ValidationErrors();
        var replacement = CampaignRules.Validate(input, businessId, campaignId, current.Value.CreatedAt, time.GetUtcNow(), errors);
        if (replacement is null)
        {
            return Outcome.Invalid<Campaign>(errors);
        }

        if (!condition.IsSatisfiedBy(current.Version))
        {
            return Outcome.VersionMismatch<Campaign>();
        }

        var written = await campaigns.ReplaceAsync(replacement, condition.IsConditional ? current.Version : null, cancellationToken);
        return written.Status switch
        {
            WriteStatus.Written => Outcome.Ok(replacement, written.Version),
            WriteStatus.VersionMismatch => Outcome.VersionMismatch<Campaign>(),
            _ => NotFound<Campaign>(),
        };
    }

    public async Task<Outcome<Removed>> DeleteAsync(string businessId, string campaignId, VersionCondition condition, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(new CampaignKey(businessId, campaignId), cancellationToken) is not { } current)
        {
            return NotFound<Removed>();
        }

        if (!condition.IsSatisfiedBy(current.Version))
        {
            return Outcome.VersionMismatch<Removed>();
        }

        var deleted = await campaigns.DeleteAsync(new CampaignKey(businessId, campaignId), condition.IsConditional ? current.Version : null, cancellationToken);
        return deleted.Status switch
        {
            WriteStatus.Written => Outcome.Ok(new Removed(campaignId)),
            WriteStatus.VersionMismatch => Outcome.VersionMismatch<Removed>(),
            _ => NotFound<Removed>(),
        };
    }

    public static CampaignView View(Campaign campaign, IReadOnlyList<SnapshotScores> scores)
    {
        var before = new List<CampaignPeriod>();
        var after = new List<CampaignPeriod>();
        foreach (var profile in scores.Where(s => campaign.Networks.Count == 0 || campaign.Networks.Contains(s.Network)).GroupBy(s => s.ProfileId))
        {
            var ordered = profile.OrderBy(s => s.PeriodStart).ToList();
            if (ordered.LastOrDefault(s => s.PeriodEnd < campaign.StartDate) is { } last)
            {
                before.Add(CampaignPeriod.Of(last));
            }

            after.AddRange(ordered.Where(s => s.PeriodStart >= campaign.StartDate).Take(OutcomePeriods).Select(CampaignPeriod.Of));
        }

        return new CampaignView(campaign, before, after);
    }

    private static Outcome<T> NotFound<T>() => Outcome.NotFound<T>("campaignId", "No such campaign in this business's log.");
}

/// <summary>The campaign log as CSV: one row per campaign with the mean engagement rate before and after it.</summary>
public static class CampaignCsv
{
    public static string Write(IEnumerable<CampaignView> log)
    {
        var csv = new CsvText("id", "what", "startDate", "endDate", "networks", "message", "expectedEffect", "outcome", "outcomeNote",
            "periodsBefore", "periodsAfter", "engagementRateBefore", "engagementRateAfter", "engagementsPerPeriodBefore", "engagementsPerPeriodAfter", "leadsAfter");
        foreach (var view in log)
        {
            var c = view.Campaign;
            csv.Row(c.Id, c.What, c.StartDate, c.EndDate, string.Join(' ', c.Networks.Select(n => n.Name())), c.Message, c.ExpectedEffect,
                c.Outcome is { } outcome ? WireNames.Name(outcome) : null, c.OutcomeNote, view.Before.Count, view.After.Count,
                Mean(view.Before, p => p.EngagementRatePercent), Mean(view.After, p => p.EngagementRatePercent),
                Mean(view.Before, p => p.Engagements), Mean(view.After, p => p.Engagements), view.After.Sum(p => p.Leads ?? 0));
        }

        return csv.ToString();
    }

    private static double? Mean(IReadOnlyList<CampaignPeriod> periods, Func<CampaignPeriod, double?> value)
    {
        var values = periods.Select(value).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
