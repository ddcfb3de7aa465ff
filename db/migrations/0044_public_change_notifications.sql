-- Issue 30: a staff sign-in made the public pages stale. The audit log's notification (migrations
-- 0008 and 0011) announced every entry but a read as a registry change, so each sign-in, refused
-- action, account change, export or family portal session had every process render /ar, /en and
-- the portal's sign-in page anew and recount the public figures; on a press day each such render
-- waits behind the staff pages in flight, and so does every visitor who arrives meanwhile.
-- Now only an entry that may change a published figure or the public site list is announced:
-- every action except those lib/audit/public-changes.ts lists (reads, auth.*, authz.*, user.*,
-- familyPortal.*, export.* and onlineReport.statusCheck). A new kind of action is announced until
-- it is listed there. The condition below is PUBLIC_CHANGE_CONDITION of that module, written
-- literally, as is the partial index's: the app reads the newest such entry as the public figures'
-- state (registryStateKey), and keeps the same rule for its own changes (lib/audit/append.ts).
CREATE OR REPLACE FUNCTION notify_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM inserted_entries
    WHERE action NOT LIKE '%.read' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'authz.%' AND action NOT LIKE 'user.%' AND action NOT LIKE 'familyPortal.%' AND action NOT LIKE 'export.%' AND action <> 'onlineReport.statusCheck'
  ) THEN
    PERFORM pg_notify('registry_changed', '');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE INDEX "audit_log_public_changes_idx" ON "audit_log" USING btree ("id") WHERE action NOT LIKE '%.read' AND action NOT LIKE 'auth.%' AND action NOT LIKE 'authz.%' AND action NOT LIKE 'user.%' AND action NOT LIKE 'familyPortal.%' AND action NOT LIKE 'export.%' AND action <> 'onlineReport.statusCheck';
