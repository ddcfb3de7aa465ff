-- Signed checkpoints of the audit chain (lib/audit/checkpoint.ts): the head entry's id, the number of
-- entries up to it and its hash, signed with an Ed25519 key the database never holds. A copy here
-- lets the dossier name the checkpoint it lies under; the signature makes a forged row detectable.
CREATE TABLE audit_checkpoints (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  entry_id bigint NOT NULL,
  entry_count bigint NOT NULL,
  hash text NOT NULL,
  signed_at timestamp with time zone NOT NULL,
  public_key text NOT NULL,
  signature text NOT NULL
);
--> statement-breakpoint
CREATE INDEX audit_checkpoints_entry_idx ON audit_checkpoints (entry_id);
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
--> statement-breakpoint
-- Nobody but the owner changes evidence; the app role is granted INSERT and SELECT only (README).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, custody_events, audit_checkpoints FROM PUBLIC;
--> statement-breakpoint
-- A read of personal data is audited ("<entity>.read") but changes nothing the public sees: only a
-- statement that wrote some other entry announces a registry change.
CREATE OR REPLACE FUNCTION notify_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM inserted_entries WHERE action NOT LIKE '%.read') THEN
    PERFORM pg_notify('registry_changed', '');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER audit_log_notify_registry_changed ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_notify_registry_changed
  AFTER INSERT ON audit_log
  REFERENCING NEW TABLE AS inserted_entries
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
--> statement-breakpoint
-- The newest change (not read) names the state of the public figures: found without walking reads.
CREATE INDEX audit_log_changes_idx ON audit_log (id) WHERE action NOT LIKE '%.read';
