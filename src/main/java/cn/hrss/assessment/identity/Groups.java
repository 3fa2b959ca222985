package cn.hrss.assessment.identity;

import java.util.List;

/** Candidate groups of DOMAIN.md §1 and CONTRACT.md; BPMN models name the same ids. */
public final class Groups {

  public static final String ACCEPTANCE_OFFICERS = "acceptance-officers";
  public static final String EXPERTS = "experts";
  public static final String MINISTRY_APPROVERS = "ministry-approvers";
  public static final String PROVINCIAL_OFFICERS = "provincial-officers";
  public static final String DISCIPLINE_OFFICERS = "discipline-officers";
  public static final String DISCIPLINE_REVIEWERS = "discipline-reviewers";
  public static final String SUPERVISORS = "supervisors";
  public static final String MANAGERS = "managers";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * Groups that read case records (applications, disciplinary cases, their notices): the case officers and
   * managers, not experts or supervisors, who see only what their tasks show them.
   */
  public static final List<String> CASE_READERS = List.of(
      ACCEPTANCE_OFFICERS, MINISTRY_APPROVERS, PROVINCIAL_OFFICERS, DISCIPLINE_OFFICERS, DISCIPLINE_REVIEWERS,
      MANAGERS);

  /** Every group of a Camunda user working in this system (includes read-only managers: never use it for writes). */
  public static final List<String> OFFICER_GROUPS = List.of(
      ACCEPTANCE_OFFICERS, EXPERTS, MINISTRY_APPROVERS, PROVINCIAL_OFFICERS,
      DISCIPLINE_OFFICERS, DISCIPLINE_REVIEWERS, SUPERVISORS, MANAGERS, CAMUNDA_ADMIN);

  /**
   * Roles whose members work for one province (CONTRACT.md "Jurisdiction (filing)"): a filing task goes to the
   * candidate group {@code <role>-<province>}; the bare role group stays for filters and authorizations only.
   */
  public static final List<String> PROVINCIAL_ROLES = List.of(ACCEPTANCE_OFFICERS, PROVINCIAL_OFFICERS, MANAGERS);

  /** {@code <role>-<province>}, e.g. {@code acceptance-officers-41} (GB/T 2260 two-digit province code). */
  public static String ofProvince(String role, String province) {
    return role + "-" + province;
  }

  private Groups() {}
}
