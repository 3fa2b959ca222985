package cn.hrss.assessment.discipline;

import java.util.Optional;

/**
 * The DisciplinarySanctions decision for a determination: the mandatory sanctions and the discretionary ones the
 * officer may impose (002 Annex 2: 视情况/视情节). Used where a determination is checked or amended outside the
 * process's business rule task (the review's AMEND).
 */
interface SanctionProposals {

  /** Comma-separated codes, as the DMN outputs {@code sanctions} and {@code discretionary} hold them. */
  record Proposal(String sanctions, String discretionary) {}

  Optional<Proposal> propose(String partyType, int article, int item, String severity, Boolean priorArticle13Warning,
      Boolean certificatesIssued);
}
