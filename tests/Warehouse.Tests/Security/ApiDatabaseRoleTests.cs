using Governance.TestSupport;
using Governance.Warehouse.Security;
using Npgsql;

namespace Governance.Warehouse.Tests.Security;

/// <summary><c>governance api-role</c>'s SQL: idempotent, and it refuses a role that owns something or could take another's rights.</summary>
public sealed class ApiDatabaseRoleTests
{
    [Fact]
    public async Task RunningItAgainIsHarmlessButARoleOwningATableIsRefused()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await using var role = await TestApiRole.CreateAsync(warehouse);
        await using var owner = new NpgsqlConnection(warehouse.ConnectionString);

        await ApiDatabaseRole.ApplyAsync(owner, role.Name, "again", Ct);
        await ExecuteAsync(owner, $"alter table dim_period owner to {role.Name}");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ApiDatabaseRole.ApplyAsync(owner, role.Name, "again", Ct));
        await ExecuteAsync(owner, "alter table dim_period owner to current_user");

        Assert.Equal($"Role {role.Name} owns tables or schemas; the API's role must own nothing.", refused.MessageText);
    }

    [Theory]
    [InlineData("Governance_API")]
    [InlineData("api; drop table dim_area")]
    [InlineData("")]
    public void ANameThatIsNotAPlainIdentifierIsRefused(string name)
    {
        Assert.False(ApiDatabaseRole.IsValidName(name));
        Assert.Throws<ArgumentException>(() => ApiDatabaseRole.Statements(name, "secret"));
    }

    [Fact]
    public void QuotesInThePasswordAreDoubled()
    {
        var alter = ApiDatabaseRole.Statements("governance_api", "it's")[1];

        Assert.EndsWith("password 'it''s'", alter, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
