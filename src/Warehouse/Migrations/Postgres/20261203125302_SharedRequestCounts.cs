using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedRequestCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sec_request_count",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    window_start_epoch = table.Column<long>(type: "bigint", nullable: false),
                    granted = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sec_request_count", x => new { x.caller, x.window_start_epoch });
                });

            // The API's role (made by `governance api-role` before this migration: it reads dim_area) counts its requests
            // here on every instance, without waiting for api-role to run again.
            migrationBuilder.Sql("""
                do $grants$
                declare reader regrole;
                begin
                    for reader in
                        select distinct a.grantee::regrole
                        from pg_class as c cross join lateral aclexplode(c.relacl) as a
                        where c.oid = 'dim_area'::regclass and a.privilege_type = 'SELECT' and a.grantee <> c.relowner and a.grantee <> 0
                    loop
                        execute format('grant select, insert, update, delete on sec_request_count to %s', reader);
                    end loop;
                end
                $grants$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sec_request_count");
        }
    }
}
