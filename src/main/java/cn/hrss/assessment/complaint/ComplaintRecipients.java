package cn.hrss.assessment.complaint;

import cn.hrss.assessment.identity.Groups;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Expression bean {@code complaintRecipients} (BPMN {@code noticeTo}). The complainant's address is read from the
 * complaint when the notice is sent, never kept in a process variable (it would show in Cockpit's history).
 */
@Component("complaintRecipients")
public class ComplaintRecipients {

  private final ComplaintRepository complaints;
  private final IdentityService identity;

  ComplaintRecipients(ComplaintRepository complaints, IdentityService identity) {
    this.complaints = complaints;
    this.identity = identity;
  }

  /** The complainant's e-mail, or none (anonymous, or no address given: the answer is on the status page only). */
  public List<String> complainant(String complaintNo) {
    return complaints.find(complaintNo).map(Complaint::complainantEmail).filter(e -> e != null && !e.isBlank())
        .map(List::of).orElse(List.of());
  }

  /** Discipline officers and managers with an address: told when the reply is overdue. */
  public List<String> officersAndManagers() {
    return Stream.of(Groups.DISCIPLINE_OFFICERS, Groups.MANAGERS)
        .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
  }
}
