-- The API caches read-model answers in memory and drops them when the read model changes: every
-- write to a table a cached answer reads announces the case it touched on the channel
-- huying_read_model (api/read/cache.ts listens). A trigger rather than the projection's own code,
-- so any writer (an import, an operator's SQL, a test) keeps the caches honest. A table that a
-- cached answer starts reading needs its trigger here too.
CREATE FUNCTION huying_suggestion_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('huying_read_model', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION huying_case_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('huying_read_model', CASE WHEN TG_OP = 'DELETE' THEN OLD.suggestion_id ELSE NEW.suggestion_id END);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A change that is not about one case (a truncate, a unit renamed): every cached answer goes.
CREATE FUNCTION huying_read_model_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('huying_read_model', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON suggestions FOR EACH ROW EXECUTE FUNCTION huying_suggestion_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON suggestion_cosigners FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON assignments FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON communications FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON co_handler_opinions FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON extension_requests FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON replies FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON evaluations FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON key_supervisions FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON supervision_notes FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON progress_requests FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION huying_case_part_changed();
--> statement-breakpoint
CREATE TRIGGER huying_changed AFTER INSERT OR UPDATE OR DELETE ON handling_units FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
--> statement-breakpoint
CREATE TRIGGER huying_truncated AFTER TRUNCATE ON suggestions FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
--> statement-breakpoint
CREATE TRIGGER huying_truncated AFTER TRUNCATE ON suggestion_cosigners FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
--> statement-breakpoint
CREATE TRIGGER huying_truncated AFTER TRUNCATE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
--> statement-breakpoint
CREATE TRIGGER huying_truncated AFTER TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
--> statement-breakpoint
CREATE TRIGGER huying_truncated AFTER TRUNCATE ON handling_units FOR EACH STATEMENT EXECUTE FUNCTION huying_read_model_reset();
