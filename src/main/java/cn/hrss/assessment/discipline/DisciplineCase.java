package cn.hrss.assessment.discipline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A disciplinary case as stored (ID numbers only masked and hashed). {@code finalSanctions} holds the mandatory codes
 * and the discretionary ones imposed; {@code discretionarySanctions} the latter as JSON {@code [{"code","reason"}]}.
 */
public record DisciplineCase(
    String caseNo,
    PartyType partyType,
    CaseSource source,
    String partyName,
    String partyIdHash,
    String partyIdMasked,
    String partyFilingCode,
    StaffRole staffRole,
    String partyEmail,
    String institutionFilingCode,
    String facts,
    String reporters,
    Boolean siteHeadConfirmed,
    String authorityReference,
    CaseStatus status,
    Integer violationArticle,
    Integer violationItem,
    String severity,
    String findings,
    String proposedSanctions,
    String finalSanctions,
    String reviewOutcome,
    Instant statementDeadline,
    Instant appealDeadline,
    String decidedBy,
    String createdBy,
    Instant createdAt,
    String proposedDiscretionary,
    String discretionarySanctions,
    Boolean certificatesIssued,
    String penaltyBasis,
    LocalDate assessmentDate,
    String referralAuthority) {

  /** Who the sanctions are recorded against: the ID hash of a person, the filing code of an institution. */
  String partyRef() {
    return partyType == PartyType.INSTITUTION ? partyFilingCode : partyIdHash;
  }
}
