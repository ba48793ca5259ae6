CREATE TABLE "broadcast_recipients" (
	"workspace_id" uuid NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" text,
	"status" text NOT NULL,
	"reason" text,
	"conversation_id" uuid,
	"message_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "broadcast_recipients_workspace_id_broadcast_id_customer_id_pk" PRIMARY KEY("workspace_id","broadcast_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"audience" jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"message" jsonb NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "broadcasts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "business_events" (
	"workspace_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"name" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "business_events_workspace_id_idempotency_key_pk" PRIMARY KEY("workspace_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "contact_preferences" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"do_not_disturb" boolean DEFAULT false NOT NULL,
	"notices_opted_out" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_preferences_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "proactive_exposures" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"session_id" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"url" text,
	"engagement" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proactive_exposures_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "proactive_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"trigger" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"action" jsonb NOT NULL,
	"allow_while_typing" boolean NOT NULL,
	"allow_during_purchase" boolean NOT NULL,
	"holdout_percent" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proactive_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "broadcast_recipients_pending_idx" ON "broadcast_recipients" USING btree ("workspace_id","broadcast_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "broadcasts_due_idx" ON "broadcasts" USING btree ("scheduled_at") WHERE status IN ('scheduled', 'sending');--> statement-breakpoint
CREATE INDEX "proactive_exposures_workspace_id_customer_id_occurred_at_index" ON "proactive_exposures" USING btree ("workspace_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "proactive_exposures_workspace_id_rule_id_occurred_at_index" ON "proactive_exposures" USING btree ("workspace_id","rule_id","occurred_at");