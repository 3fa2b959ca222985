-- 002 Annex 2 Art. 20: the disciplinary record cannot be altered. PostgreSQL: UPDATE, DELETE and TRUNCATE raise.
CREATE FUNCTION discipline_archive_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'discipline_archive is append-only (002 Annex 2 Art. 20): % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER discipline_archive_append_only BEFORE UPDATE OR DELETE ON discipline_archive
  FOR EACH ROW EXECUTE FUNCTION discipline_archive_refuse_change();

CREATE TRIGGER discipline_archive_no_truncate BEFORE TRUNCATE ON discipline_archive
  FOR EACH STATEMENT EXECUTE FUNCTION discipline_archive_refuse_change();
