using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Warehouse.Catalogue;

/// <summary>The indicator catalogue and threshold parameters shipped with the warehouse (embedded JSON files).</summary>
public static class IndicatorCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyList<CatalogueEntry>> LazyIndicators = new(() => Read<CatalogueEntry>("indicators.json"));
    private static readonly Lazy<IReadOnlyList<ParameterEntry>> LazyParameters = new(() => Read<ParameterEntry>("parameters.json"));

    public static IReadOnlyList<CatalogueEntry> Indicators => LazyIndicators.Value;

    public static IReadOnlyList<ParameterEntry> Parameters => LazyParameters.Value;

    private static List<T> Read<T>(string file)
    {
        var name = $"Governance.Warehouse.Catalogue.{file}";
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The catalogue resource {name} is missing from the build.");
        return JsonSerializer.Deserialize<List<T>>(stream, Json)
            ?? throw new InvalidOperationException($"The catalogue resource {name} is empty.");
    }
}
