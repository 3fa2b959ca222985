-- 002 Annex 2 Art. 20: the disciplinary record cannot be altered. H2: a Java trigger refuses UPDATE and DELETE.
CREATE TRIGGER discipline_archive_append_only BEFORE UPDATE, DELETE ON discipline_archive
  FOR EACH ROW CALL 'cn.hrss.assessment.discipline.ArchiveAppendOnlyTrigger';
