CREATE TABLE "channel_addresses" (
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	CONSTRAINT "channel_addresses_kind_address_pk" PRIMARY KEY("kind","address")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"provider_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deliveries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_message_ids" (
	"workspace_id" uuid NOT NULL,
	"header_id" text NOT NULL,
	"conversation_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"raw_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_message_ids_workspace_id_header_id_pk" PRIMARY KEY("workspace_id","header_id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_error" text;--> statement-breakpoint
CREATE INDEX "channel_addresses_workspace_id_channel_id_index" ON "channel_addresses" USING btree ("workspace_id","channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_message_idx" ON "deliveries" USING btree ("workspace_id","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_provider_idx" ON "deliveries" USING btree ("workspace_id","channel","provider_message_id") WHERE provider_message_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "email_message_ids_workspace_id_conversation_id_created_at_index" ON "email_message_ids" USING btree ("workspace_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "email_message_ids_workspace_id_message_id_index" ON "email_message_ids" USING btree ("workspace_id","message_id");