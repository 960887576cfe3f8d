using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Telemetry;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Telemetry;

public sealed class SocialWatchMetricsRecording : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private readonly ServiceProvider services;
    private readonly MetricCapture capture;
    private readonly SocialWatchMetrics metrics;

    public SocialWatchMetricsRecording()
    {
        services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSocialWatchMetrics().BuildServiceProvider();
        capture = new MetricCapture(services.GetRequiredService<IMeterFactory>());
        metrics = services.GetRequiredService<SocialWatchMetrics>();
    }

    [Fact]
    public void InstrumentsLiveOnTheSocialWatchMeterWithUnits()
    {
        metrics.RecordSweep(TimeSpan.FromMilliseconds(1500));

        var sweep = Assert.Single(capture.Of(SocialWatchMetrics.SweepDurationName));
        Assert.Equal("SocialWatch", sweep.Instrument.Meter.Name);
        Assert.Equal("s", sweep.Instrument.Unit);
        Assert.Equal(1.5, sweep.Value);
    }

    [Fact]
    public void CountsChecksByClass()
    {
        metrics.RecordCheck("alive");
        metrics.RecordCheck("alive");
        metrics.RecordCheck("rate-limited");

        var checks = capture.Of(SocialWatchMetrics.ChecksName);
        Assert.Equal(2, checks.Count(m => (string?)m.Tags["check.class"] == "alive"));
        Assert.Equal(1, checks.Count(m => (string?)m.Tags["check.class"] == "rate-limited"));
        Assert.All(checks, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public void CountsEmailsSentAndFailedApart()
    {
        metrics.RecordEmailSent();
        metrics.RecordEmailSent();
        metrics.RecordEmailFailed();

        Assert.Equal(2, capture.Of(SocialWatchMetrics.EmailsSentName).Sum(m => m.Value));
        Assert.Equal(1, capture.Of(SocialWatchMetrics.EmailsFailedName).Sum(m => m.Value));
    }

    [Fact]
    public void QueueAgeAndScoringLagCountFromTheGivenTimeAndNeverGoNegative()
    {
        metrics.RecordQueueAge("checks", Now.AddSeconds(-90));
        metrics.RecordQueueAge("checks", Now.AddSeconds(5)); // the storage clock ahead of ours
        metrics.RecordScoringLag(Now.AddMinutes(-3));

        Assert.Equal([90.0, 0.0], capture.Of(SocialWatchMetrics.QueueAgeName).Select(m => m.Value));
        Assert.All(capture.Of(SocialWatchMetrics.QueueAgeName), m => Assert.Equal("checks", m.Tags["queue"]));
        Assert.Equal(180.0, Assert.Single(capture.Of(SocialWatchMetrics.ScoringLagName)).Value);
    }

    [Fact]
    public void RecordsInvocationsWithFunctionTriggerAndOutcome()
    {
        metrics.RecordInvocation("CheckProfile", "queueTrigger", InvocationOutcome.Failed, TimeSpan.FromMilliseconds(250));

        var invocation = Assert.Single(capture.Of(SocialWatchMetrics.FunctionInvocationsName));
        var duration = Assert.Single(capture.Of(SocialWatchMetrics.FunctionDurationName));
        Assert.Equal(1, invocation.Value);
        Assert.Equal(0.25, duration.Value);
        foreach (var tags in new[] { invocation.Tags, duration.Tags })
        {
            Assert.Equal("CheckProfile", tags["function"]);
            Assert.Equal("queueTrigger", tags["trigger"]);
            Assert.Equal("failed", tags["outcome"]);
        }
    }

    public void Dispose()
    {
        capture.Dispose();
        services.Dispose();
    }
}
