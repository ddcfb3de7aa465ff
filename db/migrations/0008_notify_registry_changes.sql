-- Announces each committed change to the registry on the channel `registry_changed`, so that app
-- processes can drop the public figures they have cached (lib/public/change-keyed-cache.ts) without
-- asking the database on every visit. Every change to a case writes an audit entry in its own
-- transaction, so one statement-level trigger on the audit log sees them all; PostgreSQL delivers
-- the notification only when the transaction commits, and folds repeats within one transaction.
CREATE FUNCTION notify_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_notify_registry_changed
  AFTER INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
