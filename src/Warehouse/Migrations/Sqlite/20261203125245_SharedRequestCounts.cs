using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
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
                    caller = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    window_start_epoch = table.Column<long>(type: "INTEGER", nullable: false),
                    granted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sec_request_count", x => new { x.caller, x.window_start_epoch });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sec_request_count");
        }
    }
}
