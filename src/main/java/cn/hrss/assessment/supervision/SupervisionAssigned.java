package cn.hrss.assessment.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervision has been decided: the institution's assessment activity (its plan) and the team drawn for it
 * (监督管理办法 Art. 12 双随机). Published synchronously inside the transaction that stored the supervision, so the
 * listener that starts {@code QualitySupervisionProcess} commits or rolls back with it: a supervision is never stored
 * without its process, nor a process started for a supervision that was not stored.
 *
 * @param supervisionNo the business key of the process
 * @param planNo the assessment plan supervised
 * @param filingCode the institution's filing code
 * @param institutionName its name, for forms and letters
 * @param institutionEmail where the institution's notices go (may be null)
 * @param province GB/T 2260 two-digit code of the activity's province
 * @param kind {@link Scorecards#ON_SITE} or {@link Scorecards#QUESTION_SETTING}
 * @param special 专项督导 (a team of at least 3)
 * @param activityDate the day of the assessment activity
 * @param site where it takes place
 * @param team the supervisors' user ids in the order drawn; the first is the team leader
 */
public record SupervisionAssigned(String supervisionNo, String planNo, String filingCode, String institutionName,
    String institutionEmail, String province, String kind, boolean special, LocalDate activityDate, String site,
    List<String> team) {

  public SupervisionAssigned {
    team = List.copyOf(team);
    if (team.isEmpty()) {
      throw new IllegalArgumentException("a supervision needs a team");
    }
  }

  public String leader() {
    return team.get(0);
  }
}
