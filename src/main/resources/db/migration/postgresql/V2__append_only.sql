-- Revisions, the audit log and rules versions are append-only: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION plancheck_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'plancheck: % is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
    FOR EACH ROW EXECUTE FUNCTION plancheck_append_only();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
    FOR EACH STATEMENT EXECUTE FUNCTION plancheck_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION plancheck_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION plancheck_append_only();
CREATE TRIGGER rules_versions_append_only BEFORE UPDATE OR DELETE ON rules_versions
    FOR EACH ROW EXECUTE FUNCTION plancheck_append_only();
CREATE TRIGGER rules_activations_append_only BEFORE UPDATE OR DELETE ON rules_activations
    FOR EACH ROW EXECUTE FUNCTION plancheck_append_only();
