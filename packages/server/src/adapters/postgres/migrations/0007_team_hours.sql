ALTER TABLE "queue_policies" ADD COLUMN "hours" jsonb;--> statement-breakpoint
ALTER TABLE "queue_policies" ADD COLUMN "holidays" text[] DEFAULT '{}' NOT NULL;