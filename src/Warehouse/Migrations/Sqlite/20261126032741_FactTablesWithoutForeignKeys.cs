using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
{
    /// <summary>
    /// Drops the foreign keys of fct_indicator_value and fct_indicator_value_history (and the indexes that only served them).
    /// SQLite drops a foreign key by rebuilding the table; EF would rebuild at the end of the migration, after the views are
    /// re-created, and SQLite refuses the rename while a view names the dropped table. So the rebuild is written out here,
    /// between dropping the analyst views and creating them again.
    /// </summary>
    public partial class FactTablesWithoutForeignKeys : Migration
    {
        private const string FactColumns = "\"area_sk\", \"period_sk\", \"indicator_sk\", \"value\", \"status\", \"note\", \"load_batch_id\", \"loaded_at\"";

        private const string FactTable =
            """
            "area_sk" INTEGER NOT NULL,
            "period_sk" INTEGER NOT NULL,
            "indicator_sk" INTEGER NOT NULL,
            "value" NUMERIC NOT NULL,
            "status" TEXT NOT NULL,
            "note" TEXT NULL,
            "load_batch_id" INTEGER NOT NULL,
            "loaded_at" TEXT NOT NULL,
            CONSTRAINT "pk_fct_indicator_value" PRIMARY KEY ("area_sk", "period_sk", "indicator_sk")
            """;

        private const string FactForeignKeys =
            """
            ,
            CONSTRAINT "fk_fct_indicator_value_dim_area_area_sk" FOREIGN KEY ("area_sk") REFERENCES "dim_area" ("area_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_dim_indicator_indicator_sk" FOREIGN KEY ("indicator_sk") REFERENCES "dim_indicator" ("indicator_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_dim_period_period_sk" FOREIGN KEY ("period_sk") REFERENCES "dim_period" ("period_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_load_batches_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT
            """;

        private const string HistoryColumns = "\"indicator_value_history_id\", \"area_sk\", \"period_sk\", \"indicator_sk\", \"value\", \"status\", \"note\", \"load_batch_id\", \"loaded_at\", \"superseded_by_batch_id\", \"superseded_at\"";

        private const string HistoryTable =
            """
            "indicator_value_history_id" INTEGER NOT NULL CONSTRAINT "pk_fct_indicator_value_history" PRIMARY KEY AUTOINCREMENT,
            "area_sk" INTEGER NOT NULL,
            "period_sk" INTEGER NOT NULL,
            "indicator_sk" INTEGER NOT NULL,
            "value" NUMERIC NOT NULL,
            "status" TEXT NOT NULL,
            "note" TEXT NULL,
            "load_batch_id" INTEGER NOT NULL,
            "loaded_at" TEXT NOT NULL,
            "superseded_by_batch_id" INTEGER NOT NULL,
            "superseded_at" TEXT NOT NULL
            """;

        private const string HistoryForeignKeys =
            """
            ,
            CONSTRAINT "fk_fct_indicator_value_history_dim_area_area_sk" FOREIGN KEY ("area_sk") REFERENCES "dim_area" ("area_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_history_dim_indicator_indicator_sk" FOREIGN KEY ("indicator_sk") REFERENCES "dim_indicator" ("indicator_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_history_dim_period_period_sk" FOREIGN KEY ("period_sk") REFERENCES "dim_period" ("period_sk") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_history_load_batches_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT,
            CONSTRAINT "fk_fct_indicator_value_history_load_batches_superseded_by_batch_id" FOREIGN KEY ("superseded_by_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Governance.Warehouse.Schema.AnalystViews.Drop(migrationBuilder);
            Rebuild(migrationBuilder, "fct_indicator_value", FactTable, FactColumns, [
                "CREATE INDEX \"ix_fct_indicator_value_indicator_sk_period_sk_area_sk\" ON \"fct_indicator_value\" (\"indicator_sk\", \"period_sk\", \"area_sk\")",
                "CREATE INDEX \"ix_fct_indicator_value_load_batch_id\" ON \"fct_indicator_value\" (\"load_batch_id\")",
            ]);
            Rebuild(migrationBuilder, "fct_indicator_value_history", HistoryTable, HistoryColumns, [
                "CREATE INDEX \"ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk\" ON \"fct_indicator_value_history\" (\"area_sk\", \"period_sk\", \"indicator_sk\")",
            ]);
            Governance.Warehouse.Schema.AnalystViews.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Governance.Warehouse.Schema.AnalystViews.Drop(migrationBuilder);
            Rebuild(migrationBuilder, "fct_indicator_value", FactTable + FactForeignKeys, FactColumns, [
                "CREATE INDEX \"ix_fct_indicator_value_indicator_sk_period_sk_area_sk\" ON \"fct_indicator_value\" (\"indicator_sk\", \"period_sk\", \"area_sk\")",
                "CREATE INDEX \"ix_fct_indicator_value_load_batch_id\" ON \"fct_indicator_value\" (\"load_batch_id\")",
                "CREATE INDEX \"ix_fct_indicator_value_period_sk\" ON \"fct_indicator_value\" (\"period_sk\")",
            ]);
            Rebuild(migrationBuilder, "fct_indicator_value_history", HistoryTable + HistoryForeignKeys, HistoryColumns, [
                "CREATE INDEX \"ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk\" ON \"fct_indicator_value_history\" (\"area_sk\", \"period_sk\", \"indicator_sk\")",
                "CREATE INDEX \"ix_fct_indicator_value_history_indicator_sk\" ON \"fct_indicator_value_history\" (\"indicator_sk\")",
                "CREATE INDEX \"ix_fct_indicator_value_history_load_batch_id\" ON \"fct_indicator_value_history\" (\"load_batch_id\")",
                "CREATE INDEX \"ix_fct_indicator_value_history_period_sk\" ON \"fct_indicator_value_history\" (\"period_sk\")",
                "CREATE INDEX \"ix_fct_indicator_value_history_superseded_by_batch_id\" ON \"fct_indicator_value_history\" (\"superseded_by_batch_id\")",
            ]);
            Governance.Warehouse.Schema.AnalystViews.Create(migrationBuilder);
        }

        /// <summary>SQLite's own recipe: a new table, the rows copied, the old table (and its indexes) dropped, the new one renamed.</summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string table, string definition, string columns, string[] indexes)
        {
            migrationBuilder.Sql($"CREATE TABLE \"ef_temp_{table}\" (\n{definition}\n);");
            migrationBuilder.Sql($"INSERT INTO \"ef_temp_{table}\" ({columns})\nSELECT {columns}\nFROM \"{table}\";");
            migrationBuilder.Sql($"DROP TABLE \"{table}\";");
            migrationBuilder.Sql($"ALTER TABLE \"ef_temp_{table}\" RENAME TO \"{table}\";");
            foreach (var index in indexes)
            {
                migrationBuilder.Sql(index + ";"); // each statement terminated: sql/sqlite/schema.sql is run as one script
            }
        }
    }
}
