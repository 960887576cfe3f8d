using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialWatch.Telemetry;

/// <summary>
/// SocialWatch's own instruments, on one meter created through <see cref="IMeterFactory"/> (so each host, and each test,
/// gets its own). Durations are in seconds, dimensions are tags; the exporters (Application Insights or the console)
/// are chosen by the host, not here.
/// </summary>
public sealed class SocialWatchMetrics
{
    public const string MeterName = "SocialWatch";

    public const string SweepDurationName = "socialwatch.sweep.duration";
    public const string ChecksName = "socialwatch.checks";
    public const string EmailsSentName = "socialwatch.emails.sent";
    public const string EmailsFailedName = "socialwatch.emails.failed";
    public const string QueueAgeName = "socialwatch.queue.age";
    public const string ScoringLagName = "socialwatch.scoring.lag";
    public const string FunctionInvocationsName = "socialwatch.function.invocations";
    public const string FunctionDurationName = "socialwatch.function.duration";

    public const string CheckClassTag = "check.class";
    public const string QueueTag = "queue";
    public const string FunctionTag = "function";
    public const string TriggerTag = "trigger";
    public const string OutcomeTag = "outcome";

    private readonly TimeProvider time;
    private readonly Histogram<double> sweepDuration;
    private readonly Counter<long> checks;
    private readonly Counter<long> emailsSent;
    private readonly Counter<long> emailsFailed;
    private readonly Histogram<double> queueAge;
    private readonly Histogram<double> scoringLag;
    private readonly Counter<long> functionInvocations;
    private readonly Histogram<double> functionDuration;

    public SocialWatchMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        this.time = time;
        var meter = meterFactory.Create(MeterName);
        sweepDuration = meter.CreateHistogram<double>(SweepDurationName, "s", "Time a sweep takes to find the due profiles and enqueue their checks.");
        checks = meter.CreateCounter<long>(ChecksName, "{check}", "Profile checks done, by the class of their result (alive, dead, moved, blocked, rate-limited, transient).");
        emailsSent = meter.CreateCounter<long>(EmailsSentName, "{email}", "Alert emails the SMTP relay accepted.");
        emailsFailed = meter.CreateCounter<long>(EmailsFailedName, "{email}", "Alert emails that could not be sent (they stay in the outbox for a retry).");
        queueAge = meter.CreateHistogram<double>(QueueAgeName, "s", "Time a queue message waited between being enqueued and being picked up.");
        scoringLag = meter.CreateHistogram<double>(ScoringLagName, "s", "Time from a snapshot's capture to its engagement score being stored.");
        functionInvocations = meter.CreateCounter<long>(FunctionInvocationsName, "{invocation}", "Timer and queue function invocations, by function, trigger and outcome.");
        functionDuration = meter.CreateHistogram<double>(FunctionDurationName, "s", "Duration of timer and queue function invocations, by function, trigger and outcome.");
    }

    public void RecordSweep(TimeSpan duration) => sweepDuration.Record(duration.TotalSeconds);

    /// <param name="checkClass">The result class in its wire form, e.g. "alive" or "rate-limited".</param>
    public void RecordCheck(string checkClass) => checks.Add(1, new KeyValuePair<string, object?>(CheckClassTag, checkClass));

    public void RecordEmailSent() => emailsSent.Add(1);

    public void RecordEmailFailed() => emailsFailed.Add(1);

    /// <summary>Age of a message now, from its insertion time; clock skew between storage and this host never makes it negative.</summary>
    public void RecordQueueAge(string queue, DateTimeOffset insertedAt) =>
        queueAge.Record(Elapsed(insertedAt), new KeyValuePair<string, object?>(QueueTag, queue));

    public void RecordScoringLag(DateTimeOffset capturedAt) => scoringLag.Record(Elapsed(capturedAt));

    /// <param name="trigger">The trigger binding type, e.g. "queueTrigger".</param>
    public void RecordInvocation(string function, string trigger, InvocationOutcome outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { FunctionTag, function },
            { TriggerTag, trigger },
            { OutcomeTag, outcome == InvocationOutcome.Succeeded ? "succeeded" : "failed" },
        };
        functionInvocations.Add(1, tags);
        functionDuration.Record(duration.TotalSeconds, tags);
    }

    private double Elapsed(DateTimeOffset since) => Math.Max(0, (time.GetUtcNow() - since).TotalSeconds);
}

public enum InvocationOutcome
{
    Succeeded,
    Failed,
}
