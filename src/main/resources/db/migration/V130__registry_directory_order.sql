-- The directory's pages are ordered by province and filing code (JdbcInstitutionRegistry.directory): with this index
-- the first page without a search reads its 50 entries in order instead of sorting every institution (issue 15).
CREATE INDEX ix_registry_institution_order ON registry_institution (province, filing_code);
