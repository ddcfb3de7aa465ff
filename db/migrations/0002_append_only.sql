-- The audit log and the chain of custody are evidence: once written, no row may change or vanish.
CREATE OR REPLACE FUNCTION refuse_change_to_append_only_table() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER custody_events_append_only
  BEFORE UPDATE OR DELETE ON custody_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER custody_events_no_truncate
  BEFORE TRUNCATE ON custody_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
