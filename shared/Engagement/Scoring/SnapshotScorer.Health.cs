using SocialWatch.Profiles;
using static SocialWatch.Engagement.Figures;

namespace SocialWatch.Engagement.Scoring;

public sealed partial class SnapshotScorer
{
    public const string EngagementComponent = "engagement";
    public const string ResponsivenessComponent = "responsiveness";
    public const string GiveVersusAskComponent = "give-versus-ask";
    public const string PostingFrequencyComponent = "posting-frequency";
    public const string ReturningEngagersComponent = "returning-engagers";
    public const string PersonalVoiceComponent = "personal-voice";

    private HealthScore Health(Network network, HealthInputs inputs)
    {
        var weights = options.Weights;
        HealthComponent[] components =
        [
            EngagementPoints(network, inputs.EngagementRate, inputs.BaselineEngagementRate, weights.Engagement),
            ResponsivenessPoints(inputs.Responsiveness, weights.Responsiveness),
            GiveVersusAskPoints(inputs.GiveVersusAsk, weights.GiveVersusAsk),
            PostingFrequencyPoints(network, inputs.PostsPerWeek, weights.PostingFrequency),
            Component(ReturningEngagersComponent, weights.ReturningEngagers, inputs.ReturningEngagers, "%", value =>
                (Math.Min(1, value / options.ReturningEngagersTargetPercent),
                 $"{Text(value)} % of the people who engaged had engaged before; {Text(options.ReturningEngagersTargetPercent)} % or more earns every point.")),
            Component(PersonalVoiceComponent, weights.PersonalVoice, inputs.PersonalVoice, "%", value =>
                (Math.Min(1, value / options.PersonalVoiceTargetPercent),
                 $"{Text(value)} % of posts were signed by a named person; {Text(options.PersonalVoiceTargetPercent)} % or more earns every point.")),
        ];

        var available = components.Where(c => c.Points is not null).ToList();
        var availableWeight = available.Sum(c => c.Weight);
        var totalWeight = components.Sum(c => c.Weight);
        var score = availableWeight > 0
            ? Measure.Of(Math.Clamp(available.Sum(c => c.Points!.Value) / availableWeight * 100, 0, 100))
            : Measure.NotAvailable("no weighted component is available");
        var missing = components.Where(c => c.Points is null).ToList();
        var note = missing.Count == 0
            ? $"All {components.Length} components are available."
            : $"Rescaled to 100 over {available.Count} of {components.Length} components (weight {Text(availableWeight)} of {Text(totalWeight)}) "
              + $"because these are not available: {string.Join(", ", missing.Select(c => c.Name))}; each component says why.";
        return new HealthScore(score, availableWeight, totalWeight, note, components);
    }

    private HealthComponent EngagementPoints(Network network, Measure rate, double? baseline, double weight)
    {
        var (reference, label) = baseline is { } own
            ? (Measure.Of(own), "this profile's baseline")
            : (industry.Median(network, EngagementMethod.ByFollowersPerPost), $"the {network.Name()} industry median ({industry.Citation})");
        var ratio = rate.Map(value => reference.Map(median => Measure.Ratio(value, median, 1, $"{label} is 0")));

        return Component(EngagementComponent, weight, rate, "% per post", value =>
            (Math.Min(ratio.Value!.Value, 2) / 2,
             $"Engagement rate {Text(value)} % per post by followers is {Text(ratio.Value!.Value)}× {label} of {Text(reference.Value!.Value)} %; twice the reference or more earns every point."),
            ratio);
    }

    private static HealthComponent ResponsivenessPoints(Responsiveness responsiveness, double weight) =>
        Component(ResponsivenessComponent, weight, responsiveness.ResponseRatePercent, "%", rate =>
        {
            var median = responsiveness.MedianResponseMinutes.Value;
            var slowness = median > responsiveness.TargetMinutes ? responsiveness.TargetMinutes / median.Value : 1;
            var timing = median is null
                ? "no median response time was given, so speed is not judged"
                : $"the median first response took {Text(median.Value)} min against a {Text(responsiveness.TargetMinutes)} min target"
                  + (slowness < 1 ? $", so the points are scaled by {Text(slowness)}" : string.Empty);
            return (rate / 100 * slowness, $"{Text(rate)} % of messages needing an answer got one and {timing}.");
        });

    private static HealthComponent GiveVersusAskPoints(GiveVersusAsk giveVersusAsk, double weight) =>
        Component(GiveVersusAskComponent, weight, giveVersusAsk.PromotionalPercent, "%", share =>
        {
            var threshold = giveVersusAsk.ThresholdPercent;
            // Full points up to the threshold, none at twice the threshold, a straight line between.
            var fraction = share <= threshold ? 1 : threshold == 0 ? 0 : Math.Max(0, 1 - ((share - threshold) / threshold));
            return (fraction, $"{Text(share)} % of posts were promotional; up to {Text(threshold)} % earns every point, {Text(2 * threshold)} % or more earns none.");
        });

    private HealthComponent PostingFrequencyPoints(Network network, Measure postsPerWeek, double weight)
    {
        var median = industry.For(network)?.PostsPerWeek;
        var value = median is null ? Measure.NotAvailable($"no published posting median for {network.Name()}") : postsPerWeek;
        return Component(PostingFrequencyComponent, weight, value, "posts per week", perWeek =>
            (Math.Min(1, perWeek / median!.Value),
             $"{Text(perWeek)} posts per week against the {network.Name()} industry median of {Text(median.Value)} ({industry.Citation}); the median or more earns every point."));
    }

    /// <summary>
    /// A component from its value; <paramref name="earn"/> turns an available value into the fraction earned and the
    /// sentence that explains it. <paramref name="gate"/> is another measure that must be available too.
    /// </summary>
    private static HealthComponent Component(string name, double weight, Measure value, string unit, Func<double, (double Fraction, string Explanation)> earn, Measure? gate = null)
    {
        var blocker = !value.IsAvailable ? value : gate is { IsAvailable: false } ? gate.Value : (Measure?)null;
        if (blocker is { } missing)
        {
            return new HealthComponent(name, weight, value, unit, null, $"Not available: {missing.NotAvailableBecause}.");
        }

        var (fraction, explanation) = earn(value.Value!.Value);
        return new HealthComponent(name, weight, value, unit, weight * Math.Clamp(fraction, 0, 1), explanation);
    }

    private sealed record HealthInputs(
        Measure EngagementRate,
        double? BaselineEngagementRate,
        Responsiveness Responsiveness,
        GiveVersusAsk GiveVersusAsk,
        Measure PostsPerWeek,
        Measure ReturningEngagers,
        Measure PersonalVoice);
}
