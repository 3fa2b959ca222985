package cn.hrss.assessment.supervision;

import cn.hrss.assessment.identity.Groups;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Expression bean {@code supervisionRecipients}: the team (multi-instance collection) and the notices' addressees. */
@Component("supervisionRecipients")
public class SupervisionRecipients {

  private final SupervisionOutcomes outcomes;
  private final IdentityService identity;

  SupervisionRecipients(SupervisionOutcomes outcomes, IdentityService identity) {
    this.outcomes = outcomes;
    this.identity = identity;
  }

  /** The team's user ids in the order drawn (the first is the leader): one Task_ScoreSupervision each. */
  public List<String> team(String supervisionNo) {
    return outcomes.find(supervisionNo).orElseThrow().team();
  }

  /** The institution's address, or none (the notice is then recorded as skipped). */
  public List<String> institution(String supervisionNo) {
    return outcomes.find(supervisionNo).map(SupervisionOutcome::institutionEmail).filter(e -> e != null && !e.isBlank())
        .map(List::of).orElse(List.of());
  }

  /** The team members and the managers with an address: told when the report is overdue. */
  public List<String> teamAndManagers(String supervisionNo) {
    Stream<User> team = team(supervisionNo).stream().map(id -> identity.createUserQuery().userId(id).singleResult())
        .filter(Objects::nonNull);
    Stream<User> managers = identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list().stream();
    return Stream.concat(team, managers).map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
  }
}
