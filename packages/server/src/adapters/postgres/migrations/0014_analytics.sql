CREATE TABLE "analytics_cursors" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"feed_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_facts" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"weekday" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"first_channel" text NOT NULL,
	"channels" text[] NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"language" text,
	"segments" text[] NOT NULL,
	"status" text NOT NULL,
	"bot_handled" boolean NOT NULL,
	"handed_off" boolean NOT NULL,
	"handoff_reason" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"first_response_seconds" integer,
	"next_response_seconds" integer[] NOT NULL,
	"resolution_seconds" integer,
	"customer_messages" integer NOT NULL,
	"agent_messages" integer NOT NULL,
	"sla_first_response_breached" boolean NOT NULL,
	"sla_resolution_breached" boolean NOT NULL,
	"source_activity_at" timestamp with time zone NOT NULL,
	"source_status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_facts_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"token_hash" text NOT NULL,
	"handed_off" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"asked_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"rating" smallint,
	"comment" text,
	"easy_to_reach" boolean,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "csat_surveys_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "kb_article_daily" (
	"workspace_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "kb_article_daily_workspace_id_day_article_id_pk" PRIMARY KEY("workspace_id","day","article_id")
);
--> statement-breakpoint
CREATE TABLE "message_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"author" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "message_daily_workspace_id_day_channel_author_pk" PRIMARY KEY("workspace_id","day","channel","author")
);
--> statement-breakpoint
CREATE INDEX "conversation_facts_workspace_id_day_index" ON "conversation_facts" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "conversation_facts_workspace_id_customer_id_created_at_index" ON "conversation_facts" USING btree ("workspace_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "csat_surveys_workspace_id_token_hash_index" ON "csat_surveys" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE INDEX "csat_surveys_due_idx" ON "csat_surveys" USING btree ("due_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "csat_surveys_workspace_id_customer_id_status_index" ON "csat_surveys" USING btree ("workspace_id","customer_id","status");--> statement-breakpoint
CREATE INDEX "csat_surveys_workspace_id_answered_at_index" ON "csat_surveys" USING btree ("workspace_id","answered_at");