CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"return_reason" text,
	"first_contact_at" timestamp with time zone,
	"opinion_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"return_until" timestamp with time zone,
	"first_contact_due_at" timestamp with time zone,
	"opinion_due_at" timestamp with time zone,
	"reply_due_at" timestamp with time zone,
	"overdue_level" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assignments_suggestion_id_unit_id_pk" PRIMARY KEY("suggestion_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"congress_id" text,
	"user_id" text,
	"role" text,
	"action" text NOT NULL,
	"target" text,
	"outcome" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"before" jsonb,
	"after" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"congress_id" text NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_congress_id_date_pk" PRIMARY KEY("congress_id","date")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"congress_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"step" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_id" text NOT NULL,
	"unit_id" text,
	"at" timestamp with time zone NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text
);
--> statement-breakpoint
CREATE TABLE "communications" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text,
	"author_role" text NOT NULL,
	"author_id" text NOT NULL,
	"phase" text NOT NULL,
	"channel" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"participants" text,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text
);
--> statement-breakpoint
CREATE TABLE "congresses" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" text,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_cosigners" (
	"suggestion_id" text NOT NULL,
	"deputy_id" text NOT NULL,
	"status" text NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "suggestion_cosigners_suggestion_id_deputy_id_pk" PRIMARY KEY("suggestion_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"kind" text
);
--> statement-breakpoint
CREATE TABLE "deputies" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"delegation_id" text,
	"name" text NOT NULL,
	"occupation" text,
	"phone" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"round" integer NOT NULL,
	"deputy_id" text,
	"attitude" text,
	"result" text,
	"reasons" text,
	"unevaluated" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"reason" text NOT NULL,
	"requested_due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decision_note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handling_units" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"short_zh" text,
	"name_en" text,
	"kind" text,
	"parent_id" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"user_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "key_supervisions" (
	"suggestion_id" text PRIMARY KEY NOT NULL,
	"committee_id" text NOT NULL,
	"decision" text NOT NULL,
	"supervising_leader" text,
	"government_leader" text,
	"marked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "co_handler_opinions" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"body" text,
	"waived" boolean DEFAULT false NOT NULL,
	"waiver_reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"suggestion_id" text,
	"kind" text NOT NULL,
	"recipient_type" text NOT NULL,
	"recipient_id" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_profiles" (
	"congress_id" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"note" text,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_profiles_congress_id_version_pk" PRIMARY KEY("congress_id","version")
);
--> statement-breakpoint
CREATE TABLE "replies" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"round" integer NOT NULL,
	"result_class" text NOT NULL,
	"body" text NOT NULL,
	"signed_by" text NOT NULL,
	"face_to_face" boolean DEFAULT false NOT NULL,
	"commitments" text,
	"replied_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"session_id" text,
	"number" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_code" text,
	"source" text NOT NULL,
	"lead_deputy_id" text NOT NULL,
	"delegation_id" text,
	"proposed_unit_ids" jsonb,
	"status" text NOT NULL,
	"step" text NOT NULL,
	"assign_mode" text,
	"result_class" text,
	"attitude" text,
	"satisfaction" text,
	"evaluation_round" integer DEFAULT 0 NOT NULL,
	"rehandling_count" integer DEFAULT 0 NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"committee_id" text,
	"merged_into" text,
	"disclosure" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"closure" text,
	"profile_version" integer NOT NULL,
	"next_due_at" timestamp with time zone,
	"reply_due_at" timestamp with time zone,
	"overdue_level" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"congress_id" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"deputy_id" text,
	"unit_id" text,
	"committee_id" text,
	"email" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communications" ADD CONSTRAINT "communications_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_sessions" ADD CONSTRAINT "congress_sessions_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_cosigners" ADD CONSTRAINT "suggestion_cosigners_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_units" ADD CONSTRAINT "handling_units_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_supervisions" ADD CONSTRAINT "key_supervisions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_handler_opinions" ADD CONSTRAINT "co_handler_opinions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_profiles" ADD CONSTRAINT "policy_profiles_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_unit" ON "assignments" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_user" ON "audit_log" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq" ON "case_events" USING btree ("suggestion_id","seq");--> statement-breakpoint
CREATE INDEX "case_events_at" ON "case_events" USING btree ("congress_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_code" ON "committees" USING btree ("congress_id","code");--> statement-breakpoint
CREATE INDEX "communications_case" ON "communications" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "congress_sessions_congress" ON "congress_sessions" USING btree ("congress_id");--> statement-breakpoint
CREATE INDEX "cosigners_deputy" ON "suggestion_cosigners" USING btree ("deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_code" ON "delegations" USING btree ("congress_id","code");--> statement-breakpoint
CREATE INDEX "deputies_congress" ON "deputies" USING btree ("congress_id","delegation_id");--> statement-breakpoint
CREATE INDEX "evaluations_case" ON "evaluations" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "extensions_case" ON "extension_requests" USING btree ("suggestion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handling_units_code" ON "handling_units" USING btree ("congress_id","code");--> statement-breakpoint
CREATE INDEX "opinions_case" ON "co_handler_opinions" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "outbox_recipient" ON "outbox" USING btree ("recipient_type","recipient_id");--> statement-breakpoint
CREATE INDEX "outbox_case" ON "outbox" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "replies_case" ON "replies" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "suggestions_status" ON "suggestions" USING btree ("congress_id","status");--> statement-breakpoint
CREATE INDEX "suggestions_due" ON "suggestions" USING btree ("congress_id","next_due_at");--> statement-breakpoint
CREATE INDEX "suggestions_deputy" ON "suggestions" USING btree ("lead_deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_number" ON "suggestions" USING btree ("congress_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username" ON "users" USING btree ("username");