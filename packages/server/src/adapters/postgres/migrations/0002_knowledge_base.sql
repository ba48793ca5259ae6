CREATE TABLE "kb_article_revisions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"meta" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_article_revisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"category_key" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"sample_questions" text[] DEFAULT '{}' NOT NULL,
	"related" text[] DEFAULT '{}' NOT NULL,
	"status" text NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"helpful" integer DEFAULT 0 NOT NULL,
	"not_helpful" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_articles_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kb_articles_workspace_id_key_locale_unique" UNIQUE("workspace_id","key","locale")
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_categories_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kb_categories_workspace_id_key_unique" UNIQUE("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "kb_feedback" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"customer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_feedback_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "kb_searches" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"query" text NOT NULL,
	"locale" text NOT NULL,
	"source" text NOT NULL,
	"result_ids" uuid[] NOT NULL,
	"clicked_id" uuid,
	"customer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_searches_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "kb_article_revisions_workspace_id_article_id_created_at_index" ON "kb_article_revisions" USING btree ("workspace_id","article_id","created_at");--> statement-breakpoint
CREATE INDEX "kb_articles_workspace_id_status_locale_index" ON "kb_articles" USING btree ("workspace_id","status","locale");--> statement-breakpoint
CREATE INDEX "kb_feedback_workspace_id_article_id_index" ON "kb_feedback" USING btree ("workspace_id","article_id");--> statement-breakpoint
CREATE INDEX "kb_searches_workspace_id_created_at_index" ON "kb_searches" USING btree ("workspace_id","created_at");