using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Campaigns;

public static class CampaignRules
{
    public const int MaxWhatLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxDays = 366;

    public static Campaign? Validate(CampaignInput input, string businessId, string id, DateTimeOffset createdAt, DateTimeOffset now, ValidationErrors errors)
    {
        var what = errors.RequiredText("what", input.What, MaxWhatLength);
        var start = errors.Required("startDate", input.StartDate);
        var message = errors.RequiredText("message", input.Message, MaxTextLength);
        var expected = errors.RequiredText("expectedEffect", input.ExpectedEffect, MaxTextLength);
        var note = errors.OptionalText("outcomeNote", input.OutcomeNote, MaxTextLength);
        if (input.EndDate < start)
        {
            errors.Add("endDate", $"is before startDate ({start:yyyy-MM-dd}); the end is the campaign's last day");
        }
        else if (input.EndDate is { } end && start is { } first && end.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add("endDate", $"the campaign would last more than {MaxDays} days: log each season as its own campaign");
        }

        var networks = new List<Network>();
        for (var i = 0; i < (input.Networks?.Count ?? 0); i++)
        {
            if (input.Networks![i] is not { } network)
            {
                errors.Add(ValidationErrors.Item("networks", i), "must be a network, not null");
            }
            else if (networks.Contains(network))
            {
                errors.Add(ValidationErrors.Item("networks", i), $"{network.Name()} is listed twice");
            }
            else
            {
                networks.Add(network);
            }
        }

        return errors.IsEmpty
            ? new Campaign(businessId, id, what!, start!.Value, input.EndDate, networks, message!, expected!, input.Outcome, note, createdAt, now)
            : null;
    }
}
