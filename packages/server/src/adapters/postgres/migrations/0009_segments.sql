CREATE TABLE "segments" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"strategy" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "segments_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
