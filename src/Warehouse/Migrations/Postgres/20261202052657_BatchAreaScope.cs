using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
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
                type: "character varying(12)",
                unicode: false,
                maxLength: 12,
                nullable: true);

            Governance.Warehouse.Schema.RowLevelSecurity.ScopeBatchesByArea(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The policy reads the column: it goes back to the facts rule before the column can be dropped.
            Governance.Warehouse.Schema.RowLevelSecurity.ScopeBatchesByFacts(migrationBuilder);
            migrationBuilder.DropColumn(
                name: "area_code_prefix",
                table: "etl_load_batch");
        }
    }
}
