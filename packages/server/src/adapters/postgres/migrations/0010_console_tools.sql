CREATE TABLE "canned_responses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"shortcut" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "canned_responses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "canned_responses_workspace_id_shortcut_locale_unique" UNIQUE("workspace_id","shortcut","locale")
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "mentions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "mentions_workspace_id_message_id_agent_id_unique" UNIQUE("workspace_id","message_id","agent_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "labels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "mentions_workspace_id_agent_id_created_at_index" ON "mentions" USING btree ("workspace_id","agent_id","created_at");