CREATE TABLE "privacy_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_type" text NOT NULL,
	"requested_by_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "privacy_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "scopes" text[] DEFAULT '{read,write}' NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "failed_logins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "privacy_requests_status_created_at_index" ON "privacy_requests" USING btree ("status","created_at");