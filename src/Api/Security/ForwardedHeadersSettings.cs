using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Governance.Api.Security;

/// <summary>
/// Settings under <c>Api:ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. None by default, and then no forwarded header is applied (ASP.NET Core's middleware would trust every
/// peer when its lists are empty, so it is not installed at all).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Api:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>127.0.0.1</c> for nginx on the same host; entries may also be comma-separated.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The settings of <paramref name="configuration"/>; each list is an array (<c>KnownProxies:0</c>, ...) or one comma-separated value.</summary>
    public static ForwardedHeadersSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new ForwardedHeadersSettings { KnownProxies = Values(section.GetSection(nameof(KnownProxies))), KnownNetworks = Values(section.GetSection(nameof(KnownNetworks))) };

        static string[] Values(IConfigurationSection list) => [.. list.GetChildren().Select(c => c.Value ?? string.Empty).Append(list.Value ?? string.Empty)];
    }

    /// <summary>The middleware's options, or null when no proxy is known; throws naming the setting of a bad entry.</summary>
    internal ForwardedHeadersOptions? ToOptions()
    {
        var proxies = Entries(KnownProxies).Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"Setting {Section}:KnownProxies names '{p}', which is not an IP address.")).ToList();
        var networks = Entries(KnownNetworks).Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"Setting {Section}:KnownNetworks names '{n}', which is not a network in CIDR notation (such as 10.0.0.0/8).")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        options.KnownProxies.Clear(); // the defaults trust loopback
        options.KnownIPNetworks.Clear();
        proxies.ForEach(options.KnownProxies.Add);
        networks.ForEach(options.KnownIPNetworks.Add);
        return options;
    }

    private static IEnumerable<string> Entries(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
