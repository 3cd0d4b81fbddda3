using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Governance.ApiBenchmark;

namespace Governance.LoadTest;

/// <summary>
/// nginx (Debian package nginx) in the foreground with a configuration of its own: round-robin over the API instances,
/// keep-alive upstream connections, the answering instance in <c>X-Upstream</c> (docs/operations.md's upstream block).
/// </summary>
internal sealed class NginxProcess : IDisposable
{
    private static readonly string[] Programs = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    private readonly Process _process;

    private NginxProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> upstreams, string folder)
    {
        var nginx = Programs.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("nginx is not installed: apt-get install nginx.");
        Directory.CreateDirectory(folder);
        var port = Processes.FreePort();
        var servers = string.Concat(upstreams.Select(u => $"        server 127.0.0.1:{u.Port};\n"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream governance_api {
            {{servers}}        keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://governance_api;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_next_upstream error timeout http_502 non_idempotent;
                        proxy_read_timeout 120s;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
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
                await probe.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }

        return new NginxProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
