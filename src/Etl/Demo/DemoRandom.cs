namespace Governance.Etl.Demo;

/// <summary>The few distributions the demo draws from, on a seeded <see cref="Random"/>.</summary>
internal static class DemoRandom
{
    public static double NextNormal(this Random random, double mean, double sd)
    {
        // Box-Muller: two uniforms give one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public static double NextLogNormal(this Random random, double median, double sigma) =>
        Math.Exp(random.NextNormal(Math.Log(median), sigma));

    public static double Between(this Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static decimal Money(double value) => Math.Round((decimal)Math.Max(0, value), 2);
}
