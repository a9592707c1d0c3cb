namespace Impulse.Benchmarks.ColdStart;

/// <summary>A set of measurements in milliseconds, sorted once, with nearest-rank percentiles.</summary>
internal sealed class Sample
{
    private readonly double[] _sorted;

    public Sample(IEnumerable<double> values)
    {
        _sorted = [.. values.Order()];
        if (_sorted.Length == 0)
            throw new ArgumentException("A sample needs at least one value.", nameof(values));
    }

    public int Count => _sorted.Length;
    public double Min => _sorted[0];
    public double Max => _sorted[^1];
    public double Median => Percentile(50);

    /// <summary>The smallest value at or above <paramref name="percent"/> percent of the sample (nearest rank).</summary>
    public double Percentile(double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
