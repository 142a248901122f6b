-- Revisions, the audit log and rules versions are append-only: the database refuses UPDATE and DELETE
-- (plancheck.store.AppendOnlyTrigger; H2 runs triggers written in Java).
CREATE TRIGGER revisions_append_only BEFORE UPDATE, DELETE ON revisions
    FOR EACH ROW CALL 'plancheck.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'plancheck.store.AppendOnlyTrigger';
CREATE TRIGGER rules_versions_append_only BEFORE UPDATE, DELETE ON rules_versions
    FOR EACH ROW CALL 'plancheck.store.AppendOnlyTrigger';
CREATE TRIGGER rules_activations_append_only BEFORE UPDATE, DELETE ON rules_activations
    FOR EACH ROW CALL 'plancheck.store.AppendOnlyTrigger';
