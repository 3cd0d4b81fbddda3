using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WarehouseVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "warehouse_version",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warehouse_version", x => x.id);
                    table.CheckConstraint("ck_warehouse_version_single_row", "id = 1");
                });

            migrationBuilder.InsertData(
                table: "warehouse_version",
                columns: new[] { "id", "changed_at", "version" },
                values: new object[] { 1, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 1L });

            // A role that reads the warehouse (the API's, made by `governance api-role` before this migration) reads the
            // version too, without waiting for api-role to run again: its answer cache reads it on every request.
            migrationBuilder.Sql("""
                do $grants$
                declare reader regrole;
                begin
                    for reader in
                        select distinct a.grantee::regrole
                        from pg_class as c cross join lateral aclexplode(c.relacl) as a
                        where c.oid = 'dim_area'::regclass and a.privilege_type = 'SELECT' and a.grantee <> c.relowner and a.grantee <> 0
                    loop
                        execute format('grant select on warehouse_version to %s', reader);
                    end loop;
                end
                $grants$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warehouse_version");
        }
    }
}
