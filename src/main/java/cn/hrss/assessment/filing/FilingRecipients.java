package cn.hrss.assessment.filing;

import java.util.List;
import org.springframework.stereotype.Component;

/** Expression bean {@code filingRecipients}: addresses for internal notices (BPMN {@code noticeTo}). */
@Component("filingRecipients")
public class FilingRecipients {

  private final FilingService filings;

  FilingRecipients(FilingService filings) {
    this.filings = filings;
  }

  /** Members of {@code managers} with an e-mail address (acceptance overdue, issue 3 item 2). */
  public List<String> managers() {
    return filings.managerEmails();
  }

  /**
   * Too few experts for a panel (issue 19 item 7): the members of the case's accepting group (its jurisdiction, e.g.
   * {@code acceptance-officers-41}) and the managers.
   */
  public List<String> expertShortage(String acceptingGroup) {
    java.util.LinkedHashSet<String> to = new java.util.LinkedHashSet<>(filings.memberEmails(acceptingGroup));
    to.addAll(filings.managerEmails());
    return List.copyOf(to);
  }
}
