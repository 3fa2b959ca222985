package cn.hrss.assessment.discipline;

import java.util.List;

/**
 * Body of {@code POST /api/discipline/cases} (CONTRACT.md), also built from the Tasklist start form.
 * {@code authorityReference}: the other authority's conclusion a case of 002 Annex 2 Art. 18 rests on (our field).
 * {@code assessmentDate} (yyyy-MM-dd, optional): the day of the assessment in which the violation happened; "当年"
 * of 002 Annex 2 Art. 6 and 9 is that year (issue 18).
 */
public record CaseIntake(
    String partyType,
    String source,
    Party party,
    String partyEmail,
    String facts,
    List<String> reporters,
    Boolean siteHeadConfirmed,
    String institutionFilingCode,
    String authorityReference,
    String assessmentDate) {

  /** Without the assessment date (callers from before issue 18). */
  public CaseIntake(String partyType, String source, Party party, String partyEmail, String facts, List<String> reporters,
      Boolean siteHeadConfirmed, String institutionFilingCode, String authorityReference) {
    this(partyType, source, party, partyEmail, facts, reporters, siteHeadConfirmed, institutionFilingCode,
        authorityReference, null);
  }

  /** The party: {@code idNumber} for persons, {@code filingCode} for institutions, {@code staffRole} for staff. */
  public record Party(String name, String idNumber, String filingCode, String staffRole) {}
}
