CREATE TABLE "kb_guide_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_guide_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_guide_revisions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_guide_revisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kb_guide_revisions_workspace_id_guide_id_version_unique" UNIQUE("workspace_id","guide_id","version")
);
--> statement-breakpoint
CREATE TABLE "kb_guides" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_guides_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kb_guides_workspace_id_key_unique" UNIQUE("workspace_id","key")
);
--> statement-breakpoint
CREATE INDEX "kb_guide_events_workspace_id_guide_id_created_at_index" ON "kb_guide_events" USING btree ("workspace_id","guide_id","created_at");