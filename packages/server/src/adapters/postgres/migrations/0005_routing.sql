CREATE TABLE "agent_presence" (
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"status" text DEFAULT 'offline' NOT NULL,
	"capacity" jsonb,
	"status_changed_at" timestamp with time zone NOT NULL,
	"last_assigned_at" timestamp with time zone,
	CONSTRAINT "agent_presence_workspace_id_agent_id_pk" PRIMARY KEY("workspace_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "queue_policies" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"method" text NOT NULL,
	"required_skills" text[] DEFAULT '{}' NOT NULL,
	"optional_skills" text[] DEFAULT '{}' NOT NULL,
	"sticky_window_seconds" integer NOT NULL,
	"overflow" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" jsonb,
	"round_robin_cursor" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_policies_workspace_id_team_id_pk" PRIMARY KEY("workspace_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "routing_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "routing_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "target_agent_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "routing_skills" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "routing_flags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "routing_events_workspace_id_conversation_id_created_at_index" ON "routing_events" USING btree ("workspace_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_workspace_id_handler_status_index" ON "conversations" USING btree ("workspace_id","handler","status");--> statement-breakpoint
CREATE INDEX "conversations_workspace_id_assignee_id_index" ON "conversations" USING btree ("workspace_id","assignee_id");