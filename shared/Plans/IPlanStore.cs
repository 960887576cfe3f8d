using SocialWatch.Storage;

namespace SocialWatch.Plans;

/// <summary>Plans by business id: one plan per business.</summary>
public interface IPlanStore : IRecordStore<string, Plan>;
