CREATE TABLE "bulletins" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"month" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"figures" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" text,
	"workflow_id" text
);
--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_month" ON "bulletins" USING btree ("congress_id","month");