using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SavedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_report",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    document = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_report", x => x.name);
                });

            // A role that reads the warehouse (the API's, made by `governance api-role` before this migration) reads the
            // saved reports too, without waiting for api-role to run again: GET /reports reads them on every request.
            migrationBuilder.Sql("""
                do $grants$
                declare reader regrole;
                begin
                    for reader in
                        select distinct a.grantee::regrole
                        from pg_class as c cross join lateral aclexplode(c.relacl) as a
                        where c.oid = 'dim_area'::regclass and a.privilege_type = 'SELECT' and a.grantee <> c.relowner and a.grantee <> 0
                    loop
                        execute format('grant select on saved_report to %s', reader);
                    end loop;
                end
                $grants$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_report");
        }
    }
}
