package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.notification.NoticeQueue;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.TerminationKind;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Voluntary termination (004 Art. 24): the institution informs the department that it ends its assessment work. In
 * one transaction, under the institution's row lock: status TERMINATED with {@code terminationKind} VOLUNTARY, the
 * code to the 废置库 (its branches with it), open renewals and changes withdrawn with the reason recorded, the
 * confirmation to the institution and the department and the report to the level above queued. Disciplinary cases
 * against the institution are not touched: they continue (a disciplinary termination is still recorded).
 */
@Service
public class TerminationService {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final InstitutionRegistry registry;
  private final FilingService filings;
  private final NoticeQueue notices;
  private final LifecycleProperties properties;
  private final InstitutionAccess access;
  private final TransactionTemplate transaction;

  TerminationService(InstitutionRegistry registry, FilingService filings, NoticeQueue notices,
      LifecycleProperties properties, InstitutionAccess access, TransactionTemplate transaction) {
    this.registry = registry;
    this.filings = filings;
    this.notices = notices;
    this.properties = properties;
    this.access = access;
    this.transaction = transaction;
  }

  /** What the termination did. */
  public record Terminated(String filingCode, List<String> withdrawnApplications) {}

  /** The reason of the notice (004 Art. 24), checked before anything happens: also the page's confirmation step. */
  public static void checkReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiProblem.invalid("reason", "必填：请说明终止评价工作的原因");
    }
    if (reason.length() > 1000) {
      throw ApiProblem.invalid("reason", "不能超过 1000 个字符");
    }
    if (PlainText.hasControlCharacters(reason)) {
      throw ApiProblem.invalid("reason", PlainText.CONTROL_CHARACTERS);
    }
  }

  public Terminated terminate(String filingCode, String reason) {
    checkReason(reason);
    access.require(filingCode);
    return transaction.execute(status -> {
      Institution institution = registry.lock(filingCode);
      if (institution.status() == InstitutionStatus.TERMINATED || institution.status() == InstitutionStatus.EXPIRED) {
        throw ApiProblem.conflict("评价机构 " + filingCode + " 的备案状态为“" + institution.status().label() + "”，无需注销。");
      }
      String recorded = "机构主动终止评价工作（浙人社发〔2022〕20号 第二十四条）：" + reason.strip();
      List<String> withdrawn = new ArrayList<>();
      List<String> codes = new ArrayList<>(List.of(filingCode));
      registry.branchesOf(filingCode).forEach(b -> codes.add(b.filingCode()));
      registry.terminate(filingCode, recorded, TerminationKind.VOLUNTARY);
      String today = SHOWN.format(access.today());
      for (String code : codes) {
        for (String applicationNo : filings.openApplicationsFor(code)) {
          filings.withdrawBecause(applicationNo, "评价机构 " + filingCode + " 已于 " + today + " 主动注销备案，本申请撤回。");
          withdrawn.add(applicationNo);
        }
      }
      Map<String, Object> model = new HashMap<>();
      model.put("applicantName", institution.name());
      model.put("creditCode", institution.creditCode());
      model.put("filingCode", filingCode);
      model.put("terminatedOn", today);
      model.put("reason", reason.strip());
      model.put("withdrawn", String.join("、", withdrawn));
      List<String> to = new ArrayList<>();
      if (institution.contactEmail() != null && !institution.contactEmail().isBlank()) {
        to.add(institution.contactEmail());
      }
      to.add(properties.departmentEmail());
      notices.queue(filingCode, "institution-terminated", to, model);
      // 004 Art. 10: the termination is reported upwards like every filing event of a province's filing; the
      // ministry's own filings are not (LifecycleRecipients.upwardsOf).
      if (LifecycleRecipients.reportsUpwards(filingCode)) {
        Map<String, Object> report = new HashMap<>(model);
        report.put("reportKind", "注销备案");
        notices.queue(filingCode, "institution-report-upwards", List.of(properties.ministryEmail()), report);
        registry.markReportedUpwards(filingCode);
      }
      return new Terminated(filingCode, withdrawn);
    });
  }
}
