using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchAreaScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "area_code_prefix",
                table: "etl_load_batch",
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "area_code_prefix",
                table: "etl_load_batch");
        }
    }
}
