CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"message_id" text,
	"channel" text NOT NULL,
	"user_id" text,
	"webhook_id" text,
	"recipient_type" text NOT NULL,
	"recipient_id" text NOT NULL,
	"address" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"digest_date" text,
	"digest_id" text,
	"message_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"email" text,
	"mode" text DEFAULT 'immediate' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"name" text NOT NULL,
	"recipient_type" text NOT NULL,
	"recipient_id" text NOT NULL,
	"format" text NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "deliveries_inbox" ON "deliveries" USING btree ("user_id","channel","message_at","id");--> statement-breakpoint
CREATE INDEX "deliveries_status" ON "deliveries" USING btree ("status","channel");--> statement-breakpoint
CREATE INDEX "deliveries_digest" ON "deliveries" USING btree ("digest_id");--> statement-breakpoint
CREATE INDEX "deliveries_admin" ON "deliveries" USING btree ("congress_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhooks_recipient" ON "webhooks" USING btree ("congress_id","recipient_type","recipient_id");