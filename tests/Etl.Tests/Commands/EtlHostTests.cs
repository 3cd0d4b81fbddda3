using Governance.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Tests.Commands;

/// <summary>The command line's settings: the API's, except that SQLite loads read without a memory map unless told to.</summary>
public sealed class EtlHostTests
{
    [Fact]
    public void LoadsReadSqliteWithoutAMemoryMapByDefault()
    {
        using var host = EtlHost.Build();

        Assert.Equal(0, host.Services.GetRequiredService<WarehouseSettings>().SqliteMemoryMapMegabytes);
    }

    [Fact]
    public void ASettingMapsAnyway()
    {
        using var host = EtlHost.Build(["--Warehouse:SqliteMemoryMapMegabytes=64"]);

        Assert.Equal(64, host.Services.GetRequiredService<WarehouseSettings>().SqliteMemoryMapMegabytes);
    }
}
