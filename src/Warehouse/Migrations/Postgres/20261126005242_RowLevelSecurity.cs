using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Governance.Warehouse.Schema.RowLevelSecurity.Enable(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Governance.Warehouse.Schema.RowLevelSecurity.Disable(migrationBuilder);
        }
    }
}
