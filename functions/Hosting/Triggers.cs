namespace SocialWatch.Functions.Hosting;

/// <summary>A function fired by a timerTrigger. Its class reads the trigger, calls one service, returns.</summary>
public interface ITimerFunction
{
    Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken);
}

/// <summary>A function fired by a queueTrigger. Throwing fails the invocation: the message is retried, then poisoned.</summary>
public interface IQueueFunction
{
    Task RunAsync(QueueInvocation message, CancellationToken cancellationToken);
}

/// <summary>The timer trigger's value as the Functions host sends it.</summary>
public sealed record TimerInvocation(bool IsPastDue, TimerScheduleStatus? ScheduleStatus);

public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>One queue message, already decoded from base64 by whichever runtime delivered it.</summary>
public sealed record QueueInvocation(string Id, string Body, long DequeueCount, DateTimeOffset? InsertionTime);
