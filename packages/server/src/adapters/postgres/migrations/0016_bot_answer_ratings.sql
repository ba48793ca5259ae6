CREATE TABLE "bot_answer_ratings" (
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_answer_ratings_workspace_id_message_id_pk" PRIMARY KEY("workspace_id","message_id")
);
