using SocialWatch.Alerts;

namespace SocialWatch.Tests.Unit.Alerts;

public sealed class ProfileAlertPolicyDecide
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlertOptions Options = new() { ReminderInterval = TimeSpan.FromDays(7), MaxReminders = 3 };

    [Fact]
    public void SendsNothingForAHealthyProfile()
    {
        var (state, email) = ProfileAlertPolicy.Decide("ig-1", AlertState.Quiet, new ObservedCondition(ProfileCondition.Healthy, Monday), Monday, Options);

        Assert.Null(email);
        Assert.Equal(AlertState.Quiet, state);
    }

    [Fact]
    public void SendsNothingAndKeepsStateWhenTheConditionIsUnknown()
    {
        var dead = new AlertState(ProfileCondition.Dead, Monday.AddDays(-3), Monday.AddDays(-3), 0);

        var (state, email) = ProfileAlertPolicy.Decide("fb-1", dead, observed: null, Monday, Options);

        Assert.Null(email);
        Assert.Equal(dead, state);
    }

    [Fact]
    public void NamesTheAlertAfterItsEvidenceSoTwoSweepsAgree()
    {
        var lastPost = Monday.AddDays(-41);
        var observed = new ObservedCondition(ProfileCondition.Abandoned, lastPost);

        var (_, first) = ProfileAlertPolicy.Decide("ig-1", AlertState.Quiet, observed, Monday, Options);
        var (_, second) = ProfileAlertPolicy.Decide("ig-1", AlertState.Quiet, observed, Monday.AddMinutes(3), Options);

        Assert.Equal(AlertKind.Alert, first!.Kind);
        Assert.Equal(first.DedupeKey, second!.DedupeKey);
        Assert.Contains("ig-1", first.DedupeKey, StringComparison.Ordinal);
    }

    [Fact]
    public void RemindsAtTheIntervalUpToTheCapThenFallsSilent()
    {
        var observed = new ObservedCondition(ProfileCondition.Dead, Monday);
        var (state, alert) = ProfileAlertPolicy.Decide("fb-1", AlertState.Quiet, observed, Monday, Options);
        var emails = new List<AlertDecision> { alert! };

        for (var hours = 6; hours <= 24 * 70; hours += 6)
        {
            (state, var email) = ProfileAlertPolicy.Decide("fb-1", state, observed, Monday.AddHours(hours), Options);
            if (email is not null)
            {
                emails.Add(email);
            }
        }

        Assert.Equal([AlertKind.Alert, AlertKind.Reminder, AlertKind.Reminder, AlertKind.Reminder], emails.Select(e => e.Kind));
        Assert.Equal([0, 1, 2, 3], emails.Select(e => e.ReminderNumber));
        Assert.Equal(4, emails.Select(e => e.DedupeKey).Distinct().Count());
        Assert.Equal(Monday.AddDays(21), state.LastEmailAt);
    }

    [Fact]
    public void SendsOneRecoveryEmailWhenTheProfileComesBack()
    {
        var dead = new AlertState(ProfileCondition.Dead, Monday, Monday, 1);
        var healthy = new ObservedCondition(ProfileCondition.Healthy, Monday.AddDays(10));

        var (state, recovery) = ProfileAlertPolicy.Decide("fb-1", dead, healthy, Monday.AddDays(10), Options);
        var (_, again) = ProfileAlertPolicy.Decide("fb-1", state, healthy, Monday.AddDays(11), Options);

        Assert.Equal(AlertKind.Recovery, recovery!.Kind);
        Assert.Equal(ProfileCondition.Dead, recovery.Condition);
        Assert.Null(again);
        Assert.Equal(ProfileCondition.Healthy, state.Condition);
    }

    [Fact]
    public void EscalatesFromAbandonedToDeadWithANewAlert()
    {
        var abandoned = new AlertState(ProfileCondition.Abandoned, Monday.AddDays(-40), Monday.AddDays(-2), 0);

        var (state, email) = ProfileAlertPolicy.Decide("ig-1", abandoned, new ObservedCondition(ProfileCondition.Dead, Monday.AddDays(-1)), Monday, Options);

        Assert.Equal(AlertKind.Alert, email!.Kind);
        Assert.Equal(ProfileCondition.Dead, email.Condition);
        Assert.Equal(new AlertState(ProfileCondition.Dead, Monday.AddDays(-1), Monday, 0), state);
    }

    [Fact]
    public void TellsAMoveOnceWithoutRemindersHoweverLongItLasts()
    {
        var moved = new ObservedCondition(ProfileCondition.Moved, Monday);

        var (state, first) = ProfileAlertPolicy.Decide("ma-1", AlertState.Quiet, moved, Monday, Options);
        var (later, second) = ProfileAlertPolicy.Decide("ma-1", state, moved, Monday.AddDays(60), Options);

        Assert.Equal((AlertKind.Alert, ProfileCondition.Moved), (first!.Kind, first.Condition));
        Assert.Null(second);
        Assert.Equal(state, later);
    }

    [Fact]
    public void TellsAMoveToAnotherAddressAsANewChange()
    {
        var (state, first) = ProfileAlertPolicy.Decide("ma-1", AlertState.Quiet, new ObservedCondition(ProfileCondition.Moved, Monday), Monday, Options);

        var (_, second) = ProfileAlertPolicy.Decide("ma-1", state, new ObservedCondition(ProfileCondition.Moved, Monday.AddDays(9)), Monday.AddDays(9), Options);

        Assert.Equal(AlertKind.Alert, second!.Kind);
        Assert.NotEqual(first!.DedupeKey, second.DedupeKey);
    }

    [Fact]
    public void SendsNoRecoveryWhenAMovedProfileAnswersAtItsOldAddressAgain()
    {
        var moved = new AlertState(ProfileCondition.Moved, Monday.AddDays(-5), Monday.AddDays(-5), 0);

        var (state, email) = ProfileAlertPolicy.Decide("ma-1", moved, new ObservedCondition(ProfileCondition.Healthy, Monday), Monday, Options);

        Assert.Null(email);
        Assert.Equal(ProfileCondition.Healthy, state.Condition);
    }
}
