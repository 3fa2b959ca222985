package cn.hrss.assessment.filing;

import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.identity.Groups;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who handles a filing case (CONTRACT.md "Jurisdiction (filing)"): the candidate groups of its tasks and the groups
 * that may read it. The province is the GB/T 2260 two-digit code the application declares.
 *
 * <ul>
 *   <li>National employer: 002 Annex 1 §一(十)2-4 — the ministry's 指导中心 accepts and 人社部 decides: the national
 *       group {@code ministry-approvers} for both.</li>
 *   <li>Social organisation filed first with the ministry ({@code filingLevel} = MINISTRY, issue 19 item 10):
 *       人社鉴发〔2019〕2号 Annex 1 §二(二) "评价机构先行向人力资源社会保障部备案的，由人力资源社会保障部确定并赋码" and
 *       002 Annex 1 §二(二)3 (我部…发布的征集通告): the ministry accepts and decides, like a national employer:
 *       {@code ministry-approvers}.</li>
 *   <li>Social organisation: 002 Annex 1 §二(十)1 — "向所在地人力资源社会保障部门评价指导机构提出备案申请": the
 *       applicant's province accepts and decides ({@code acceptance-officers-<province>}).</li>
 *   <li>Provincial employer: 001 人社鉴发〔2019〕3号 §二 and 002 Annex 1 footnote 1 — filed with the HRSS department
 *       of its province: the same.</li>
 *   <li>Branch of a national employer: 002 Annex 1 §一(十)5 — "各分支机构所在地省级人力资源社会保障部门" reviews it:
 *       {@code provincial-officers-<branch province>}.</li>
 * </ul>
 */
public final class Jurisdiction {

  public static final String NATIONAL_EMPLOYER = "NATIONAL_EMPLOYER";

  /** Groups not bound to a province that read every filing case (national managers, administrators). */
  private static final List<String> NATIONAL_READERS = List.of(Groups.CAMUNDA_ADMIN, Groups.MANAGERS,
      Groups.MINISTRY_APPROVERS, Groups.DISCIPLINE_OFFICERS, Groups.DISCIPLINE_REVIEWERS);

  private Jurisdiction() {}

  /** The accepting province, or null when the ministry accepts (national employers). */
  public static String province(String institutionType, String applicantProvince) {
    return NATIONAL_EMPLOYER.equals(institutionType) ? null : applicantProvince;
  }

  /**
   * The type as far as jurisdiction goes: {@link #NATIONAL_EMPLOYER} (the ministry's) for every application filed first
   * with the ministry ({@link FilingApplication#filedWithMinistry()}: also a social organisation with
   * {@code filingLevel} = MINISTRY), else the declared type. Pass it to the methods below.
   */
  public static String caseType(String institutionType, FilingApplication application) {
    return application != null && application.filedWithMinistry() ? NATIONAL_EMPLOYER : institutionType;
  }

  /** {@link #caseType(String, FilingApplication)} of an application. */
  public static String caseType(FilingApplication application) {
    return caseType(application == null ? null : application.institutionType(), application);
  }

  /** Candidate group of acceptance (受理审查) and of the public-notice objections. */
  public static String acceptingGroup(String institutionType, String applicantProvince) {
    String province = province(institutionType, applicantProvince);
    // 002 Annex 1 §一(十)2: 指导中心 accepts national employers; §二(十)1 / 3号 §二: the locality otherwise.
    return province == null ? Groups.MINISTRY_APPROVERS : Groups.ofProvince(Groups.ACCEPTANCE_OFFICERS, province);
  }

  /** Candidate group of the filing decision (备案决定): 人社部 for national employers, else the accepting department. */
  public static String decidingGroup(String institutionType, String applicantProvince) {
    // 002 Annex 1 §一(十)4 (部级备案) vs §二(十)5 / 3号 §二 (the accepting department files).
    return acceptingGroup(institutionType, applicantProvince);
  }

  /** 002 Annex 1 §一(十)5: the HRSS department of the branch's province reviews the branch. */
  public static String branchReviewGroup(String branchProvince) {
    return Groups.ofProvince(Groups.PROVINCIAL_OFFICERS, branchProvince);
  }

  /**
   * The province-bound groups that read the case: the accepting province's officers and managers, and for a national
   * employer those of each branch's province. National readers are not listed (they read every case).
   */
  public static Set<String> provincialReaders(String institutionType, String applicantProvince,
      List<String> branchProvinces) {
    Set<String> groups = new LinkedHashSet<>();
    String province = province(institutionType, applicantProvince);
    if (province != null) {
      groups.add(Groups.ofProvince(Groups.ACCEPTANCE_OFFICERS, province));
      groups.add(Groups.ofProvince(Groups.PROVINCIAL_OFFICERS, province));
      groups.add(Groups.ofProvince(Groups.MANAGERS, province));
    }
    for (String branchProvince : branchProvinces) {
      groups.add(Groups.ofProvince(Groups.PROVINCIAL_OFFICERS, branchProvince));
      groups.add(Groups.ofProvince(Groups.MANAGERS, branchProvince));
    }
    return groups;
  }

  /**
   * Whether an officer may see the case through the domain API: a national reader, an expert (the endpoints that
   * admit experts say so themselves), or a member of one of its provincial groups. Anyone else gets 404, as if the
   * case did not exist.
   */
  public static boolean mayRead(Caller caller, String institutionType, String applicantProvince,
      List<String> branchProvinces) {
    if (caller.inAny(NATIONAL_READERS.toArray(String[]::new)) || caller.inAny(Groups.EXPERTS)) {
      return true;
    }
    return caller.inAny(provincialReaders(institutionType, applicantProvince, branchProvinces).toArray(String[]::new));
  }
}
