using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Governance.Api.GraphQL;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// Two API processes' worth of hosts (real Kestrel servers) on one PostgreSQL warehouse behind nginx, round-robin (the
/// configuration of docs/operations.md): under concurrent clients, with a load committing meanwhile, no 5xx; both answer
/// the same before the load and the same after it, and neither answers the old data once the new version is seen.
/// Skipped without nginx (Debian package nginx), unless GOVERNANCE_REQUIRE_POSTGRES=1.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class TwoInstancesTests
{
    private const string Query = """{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { nodes { areaCode value } } }""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesBehindNginxAnswerAlikeWithoutA5xxWhileALoadCommits()
    {
        var nginx = RequireNginx();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        var settings = new Dictionary<string, string?> { ["Api:ForwardedHeaders:KnownProxies"] = "127.0.0.1", ["Api:Limits:RequestsPerMinute"] = "0" };
        await using var first = new GovernanceApiFactory(warehouse, settings);
        await using var second = new GovernanceApiFactory(warehouse, settings);
        var upstreams = new[] { Serve(first), Serve(second) };
        using var proxy = await Nginx.StartAsync(nginx, upstreams);
        using var client = new HttpClient { BaseAddress = proxy.Address };
        var before = Rows((T1, Incomes[(A, 2024)] + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));
        var after = Rows((T1, 40 + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));

        var answers = new ConcurrentQueue<(HttpStatusCode Status, string Upstream, long Version, string Rows, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var traffic = Enumerable.Range(0, 6).Select(_ => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var response = await client.SendQueryAsync(Query);
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    var upstream = response.Headers.TryGetValues("X-Upstream", out var u) ? u.Single() : "?";
                    var version = response.Headers.TryGetValues(GraphQLEndpoint.ReadVersionHeader, out var v) ? long.Parse(v.Single(), CultureInfo.InvariantCulture) : -1;
                    answers.Enqueue((response.StatusCode, upstream, version, response.IsSuccessStatusCode ? RowsOf(body) : body, clock.Elapsed));
                }
            },
            Ct)).ToArray();
        TimeSpan committed;
        try
        {
            await Task.Delay(1500, Ct);
            await RestateAsync(warehouse, 40);
            committed = clock.Elapsed;
            await Task.Delay(2000, Ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(traffic);
        }

        var all = answers.ToArray();
        var failed = all.Where(a => (int)a.Status >= 500 || a.Status != HttpStatusCode.OK).ToArray();
        Assert.True(failed.Length == 0, $"{failed.Length} of {all.Length} requests were not answered 200, e.g. {failed.FirstOrDefault()}");
        Assert.Equal(upstreams.Select(u => $"127.0.0.1:{u.Port}").Order(StringComparer.Ordinal), all.Select(a => a.Upstream).Distinct().Order(StringComparer.Ordinal));

        // Per version, one answer, whichever instance gave it; the old data never after the commit's answers began.
        var byVersion = all.GroupBy(a => a.Version).ToDictionary(g => g.Key, g => g.Select(a => a.Rows).Distinct().ToArray());
        Assert.Equal(2, byVersion.Count);
        var (oldVersion, newVersion) = (byVersion.Keys.Min(), byVersion.Keys.Max());
        Assert.Equal((oldVersion + 1, before, after), (newVersion, string.Join(" | ", byVersion[oldVersion]), string.Join(" | ", byVersion[newVersion])));
        var firstNew = all.Where(a => a.Version == newVersion).Min(a => a.At);
        Assert.DoesNotContain(all, a => a.Version == oldVersion && a.At > firstNew + TimeSpan.FromSeconds(1));
        Assert.True(firstNew >= committed - TimeSpan.FromSeconds(5), "the new data was answered long before its load committed");
        foreach (var upstream in all.Select(a => a.Upstream).Distinct())
        {
            Assert.Contains(all, a => a.Upstream == upstream && a.Version == newVersion);
        }
    }

    private static Uri Serve(GovernanceApiFactory api)
    {
        api.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        return new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static string RequireNginx()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        if (nginx is not null)
        {
            return nginx;
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("GOVERNANCE_REQUIRE_POSTGRES=1 but nginx is not installed (apt-get install nginx).");
        }

        Assert.Skip("Two-instance test skipped: nginx is not installed (apt-get install nginx).");
        return string.Empty;
    }

    private static async Task RestateAsync(TestWarehouse warehouse, decimal value)
    {
        var file = Path.Combine(Path.GetTempPath(), $"restate-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"area_code,period,indicator,value\n{A},2024,{Income},{value}\n", Ct);
        try
        {
            var loader = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
            Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(file, LoadOptions.Default, Ct)).Status);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RowsOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return Rows([.. json.RootElement.GetProperty("data").GetProperty("observations").GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("areaCode").GetString()!, n.GetProperty("value").GetDecimal()))]);
    }

    private static string Rows(params (string Area, decimal Value)[] rows) =>
        string.Join("; ", rows.Select(r => $"{r.Area} {r.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>nginx in the foreground with a configuration of its own in a temporary folder: round-robin over the upstreams.</summary>
    private sealed class Nginx : IDisposable
    {
        private readonly Process _process;
        private readonly DirectoryInfo _folder;

        private Nginx(Process process, DirectoryInfo folder, Uri address)
        {
            _process = process;
            _folder = folder;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<Nginx> StartAsync(string nginx, IEnumerable<Uri> upstreams)
        {
            var folder = Directory.CreateTempSubdirectory("gov-nginx-");
            var port = FreePort();
            var servers = string.Concat(upstreams.Select(u => $"        server 127.0.0.1:{u.Port};\n"));
            var dir = folder.FullName;
            await File.WriteAllTextAsync(Path.Combine(dir, "nginx.conf"), $$"""
                daemon off;
                worker_processes 1;
                pid {{dir}}/nginx.pid;
                error_log {{dir}}/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path {{dir}}/body;
                    proxy_temp_path {{dir}}/proxy;
                    fastcgi_temp_path {{dir}}/fastcgi;
                    uwsgi_temp_path {{dir}}/uwsgi;
                    scgi_temp_path {{dir}}/scgi;
                    upstream governance_api {
                {{servers}}        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:{{port}};
                        location / {
                            proxy_pass http://governance_api;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """, Ct);
            var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-p", dir, "-c", Path.Combine(dir, "nginx.conf") })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port, Ct);
                    break;
                }
                catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
                {
                    await Task.Delay(50, Ct);
                }
            }

            return new Nginx(process, folder, new Uri($"http://127.0.0.1:{port}"));
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _folder.Delete(recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
