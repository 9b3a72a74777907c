namespace CampaignPS.Sandbox;

/// <summary>A test switch that picks one of a platform's documented behaviours (e.g. which error body it
/// sends). Refuses values the enum does not define; <see cref="Reset"/> restores the default. Thread-safe.</summary>
internal sealed class SandboxSwitch<TEnum>
    where TEnum : struct, Enum
{
    private readonly Lock _gate = new();
    private readonly TEnum _default;
    private TEnum _value;

    public SandboxSwitch(TEnum defaultValue)
    {
        _default = defaultValue;
        _value = defaultValue;
    }

    public TEnum Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }
            lock (_gate)
            {
                _value = value;
            }
        }
    }

    public void Reset() => Value = _default;
}
