CREATE TABLE "file_removals" (
	"workspace_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "file_removals_workspace_id_storage_key_pk" PRIMARY KEY("workspace_id","storage_key")
);
--> statement-breakpoint
CREATE INDEX "file_removals_created_at_index" ON "file_removals" USING btree ("created_at");