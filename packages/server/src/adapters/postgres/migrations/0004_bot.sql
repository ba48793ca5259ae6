CREATE TABLE "bot_answer_feedback" (
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"agent_id" uuid,
	"correct" boolean NOT NULL,
	"intent_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_answer_feedback_workspace_id_message_id_pk" PRIMARY KEY("workspace_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "bot_flows" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_flows_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "bot_intents" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" jsonb NOT NULL,
	"phrases" jsonb NOT NULL,
	"answer" text NOT NULL,
	"reply" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flow_key" text,
	"article_keys" text[] DEFAULT '{}' NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"complaint" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_intents_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "bot_models" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"model" "bytea" NOT NULL,
	"examples" integer NOT NULL,
	"intents" integer NOT NULL,
	"threshold" real NOT NULL,
	"training_ms" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_sessions" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_sessions_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "bot_training_phrases" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"intent_key" text NOT NULL,
	"text" text NOT NULL,
	"message_id" uuid,
	"agent_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_training_phrases_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "bot_webhooks" (
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"timeout_ms" integer DEFAULT 5000 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bot_webhooks_workspace_id_name_pk" PRIMARY KEY("workspace_id","name")
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"packet" jsonb NOT NULL,
	"confidence" real,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "handoffs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "bot_training_phrases_workspace_id_intent_key_index" ON "bot_training_phrases" USING btree ("workspace_id","intent_key");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_id_conversation_id_index" ON "handoffs" USING btree ("workspace_id","conversation_id");