namespace SocialWatch.Checks.Rules;

/// <summary>The profile rule data is malformed: the app refuses to start rather than classify with bad rules.</summary>
public sealed class ProfileRulesException(string message) : Exception(message);
