CREATE TABLE "sla_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"kind" text NOT NULL,
	"policy_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"priorities" text[] DEFAULT '{}' NOT NULL,
	"channels" text[] DEFAULT '{}' NOT NULL,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"targets" jsonb NOT NULL,
	"warn_at_fraction" real NOT NULL,
	"escalation" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_policies_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "pending_periods" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_events_workspace_id_conversation_id_metric_kind_due_at_index" ON "sla_events" USING btree ("workspace_id","conversation_id","metric","kind","due_at");