namespace CampaignPS.Sandbox;

/// <summary>A request field that may be absent, which is different from present-and-null.</summary>
internal readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static readonly Optional<T> Unset = default;

    public static Optional<T> Of(T value) => new(true, value);
}
