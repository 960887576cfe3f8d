using System.Text.Json;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>Reading the host's invocation payloads in the forms different host versions send.</summary>
public sealed class CustomHandlerProtocolRead
{
    [Fact]
    public void ReadsQueueMetadataSentAsStringsAndLeavesMissingOnesAtTheirDefaults()
    {
        var withStrings = Read("""{ "Data": { "message": "hi" }, "Metadata": { "DequeueCount": "3", "Id": "m-1", "InsertionTime": "2025-03-01T17:58:31Z" } }""");
        var bare = Read("""{ "Data": { "message": "hi" } }""");

        Assert.Equal(new QueueInvocation("m-1", "hi", 3, new DateTimeOffset(2025, 3, 1, 17, 58, 31, TimeSpan.Zero)), withStrings);
        Assert.Equal(new QueueInvocation(string.Empty, "hi", 1, null), bare);
    }

    [Fact]
    public void KeepsAStringThatOnlyLooksQuoted()
    {
        // Quoted at both ends but not a JSON string: the body as sent.
        var message = Read("""{ "Data": { "message": "\"a\" and \"b\"" } }""");

        Assert.Equal("\"a\" and \"b\"", message.Body);
    }

    [Fact]
    public void ReadsATimerSentAsAJsonEncodedString()
    {
        var timer = JsonSerializer.Serialize("""{"ScheduleStatus":{"Last":"2025-03-01T00:05:00Z","Next":"2025-03-01T00:10:00Z","LastUpdated":"2025-03-01T00:05:00Z"},"IsPastDue":true}""");
        using var payload = JsonDocument.Parse($$"""{ "Data": { "timer": {{timer}} } }""");

        var invocation = CustomHandlerProtocol.ReadTimer(payload.RootElement, "timer");

        var five = new DateTimeOffset(2025, 3, 1, 0, 5, 0, TimeSpan.Zero);
        Assert.Equal(new TimerInvocation(true, new TimerScheduleStatus(five, five.AddMinutes(5), five)), invocation);
    }

    [Fact]
    public void RefusesATimerInvocationWithoutItsBinding()
    {
        using var payload = JsonDocument.Parse("""{ "Data": { "other": {} } }""");

        var refused = Assert.Throws<FormatException>(() => CustomHandlerProtocol.ReadTimer(payload.RootElement, "timer"));

        Assert.Equal("The invocation's Data has no 'timer'.", refused.Message);
    }

    private static QueueInvocation Read(string json)
    {
        using var payload = JsonDocument.Parse(json);
        return CustomHandlerProtocol.ReadQueueMessage(payload.RootElement, "message");
    }
}
