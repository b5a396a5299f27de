CREATE TABLE "progress_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"committee_id" text,
	"requested_by_role" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"note" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"report" text,
	"reported_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "progress_requests" ADD CONSTRAINT "progress_requests_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_requests_case" ON "progress_requests" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "progress_requests_unit" ON "progress_requests" USING btree ("unit_id","status");