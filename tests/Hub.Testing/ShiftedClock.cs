namespace Hub.Testing;

/// <summary>
/// The real clock plus an offset a test moves forward ("ten days later"). Timers and delays run in real time, so
/// background workers keep working; only what reads the time (SLA marks, expiry, retention) sees the jump.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
