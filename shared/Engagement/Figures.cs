using System.Globalization;

namespace SocialWatch.Engagement;

/// <summary>How explanations write numbers: invariant culture, at most three decimals, no trailing zeros.</summary>
internal static class Figures
{
    public static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
