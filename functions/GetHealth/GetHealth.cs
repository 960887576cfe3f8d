using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>GET /api/health: is the handler up, and in which runtime.</summary>
public static class GetHealth
{
    public const string Name = nameof(GetHealth);

    public static IResult Handle(IConfiguration configuration) =>
        TypedResults.Ok(new HealthReport("healthy", FunctionsRuntime.IsCustomHandler(configuration) ? "custom-handler" : "local"));

    public sealed record HealthReport(string Status, string Runtime);
}
