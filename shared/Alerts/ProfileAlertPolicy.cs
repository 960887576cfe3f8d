using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SocialWatch.Alerts;

/// <summary>What the owner is told about; everything else (unknown, blocked, slowing) is not worth an email.</summary>
public enum ProfileCondition
{
    Healthy,
    Abandoned,
    Dead,

    /// <summary>The profile lives at another address now (a redirect to another profile, Mastodon's <c>moved</c>).</summary>
    Moved,
}

/// <summary>
/// A condition with the time its evidence began: the first dead result of the streak, the last post of an abandoned profile, or
/// the first result that showed the profile at its new address. Every sweep reading the same state sees the same time, so they
/// all name the email alike.
/// </summary>
public sealed record ObservedCondition(ProfileCondition Condition, DateTimeOffset Since);

/// <summary>What was last told to the owner about one profile; persisted with the profile's health.</summary>
public sealed record AlertState(ProfileCondition Condition, DateTimeOffset Since, DateTimeOffset? LastEmailAt, int RemindersSent)
{
    public static readonly AlertState Quiet = new(ProfileCondition.Healthy, DateTimeOffset.MinValue, null, 0);
}

public enum AlertKind
{
    Alert,
    Reminder,
    Recovery,
}

/// <summary>An email to send, named by a key that is the same whichever sweep decides it, so it is recorded once.</summary>
public sealed record AlertDecision(AlertKind Kind, ProfileCondition Condition, DateTimeOffset Since, string DedupeKey, int ReminderNumber = 0);

public sealed class AlertOptions
{
    public const string SectionName = "SocialWatch:Alerts";

    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(7);

    [Range(0, 20)]
    public int MaxReminders { get; set; } = 3;
}

/// <summary>
/// Once per change: an alert when a profile becomes abandoned or dead, reminders at an interval up to a cap while it
/// stays so, a recovery email when it comes back. A move is told once per new address (a move to another address is a new
/// change): no reminders, and no recovery email when the old address answers again (nothing was broken for the owner to mend).
/// A condition that is not known (null) changes nothing and sends nothing.
/// </summary>
public static class ProfileAlertPolicy
{
    public static (AlertState State, AlertDecision? Email) Decide(string profileId, AlertState previous, ObservedCondition? observed, DateTimeOffset now, AlertOptions options)
    {
        if (observed is not { Condition: var condition } || condition == previous.Condition && condition == ProfileCondition.Healthy)
        {
            return (previous, null);
        }

        if (condition == ProfileCondition.Moved && previous.Condition == ProfileCondition.Moved)
        {
            return observed.Since == previous.Since
                ? (previous, null)
                : (new AlertState(condition, observed.Since, now, 0), new AlertDecision(AlertKind.Alert, condition, observed.Since, Key(profileId, "alert", condition, observed.Since)));
        }

        if (condition != previous.Condition)
        {
            if (condition == ProfileCondition.Healthy && previous.Condition == ProfileCondition.Moved)
            {
                return (previous with { Condition = ProfileCondition.Healthy, Since = observed.Since }, null);
            }

            if (condition == ProfileCondition.Healthy)
            {
                var recovered = new AlertDecision(AlertKind.Recovery, previous.Condition, previous.Since, Key(profileId, "recovered", previous.Condition, previous.Since));
                return (new AlertState(ProfileCondition.Healthy, observed.Since, now, 0), recovered);
            }

            var alert = new AlertDecision(AlertKind.Alert, condition, observed.Since, Key(profileId, "alert", condition, observed.Since));
            return (new AlertState(condition, observed.Since, now, 0), alert);
        }

        var lastEmail = previous.LastEmailAt ?? previous.Since;
        if (previous.RemindersSent >= options.MaxReminders || now - lastEmail < options.ReminderInterval)
        {
            return (previous, null);
        }

        var number = previous.RemindersSent + 1;
        var reminder = new AlertDecision(AlertKind.Reminder, condition, previous.Since, Key(profileId, $"reminder-{number}", condition, previous.Since), number);
        return (previous with { LastEmailAt = now, RemindersSent = number }, reminder);
    }

    private static string Key(string profileId, string kind, ProfileCondition condition, DateTimeOffset since) =>
        string.Create(CultureInfo.InvariantCulture, $"profile/{profileId}/{condition.ToString().ToLowerInvariant()}/{since.UtcDateTime:yyyyMMddTHHmmssZ}/{kind}");
}
