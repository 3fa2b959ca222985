package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Renewal (延续) of a filing, 004 Art. 23: applied for within the 3 months before the validity ends, evaluated like a
 * filing (acceptance with 补正, expert panel, decision; no public notice) and, when approved, the validity runs 3
 * more years from its current end under the same filing code (监督管理办法 Art. 15: 定期评估).
 */
@Service
public class RenewalService {

  /** 004 Art. 23: "有效期届满前 3 个月内" the institution applies for renewal. */
  static final int WINDOW_MONTHS = 3;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final FilingService filings;
  private final InstitutionRegistry registry;
  private final InstitutionAccess access;

  RenewalService(FilingService filings, InstitutionRegistry registry, InstitutionAccess access) {
    this.filings = filings;
    this.registry = registry;
    this.access = access;
  }

  /**
   * Starts {@code InstitutionRenewalProcess}. {@code application} may update the filed data (null: as filed); the
   * credit code and type must stay those of the institution. The window is checked again under the institution's
   * row lock in the transaction that stores the application, so a termination at the same moment either comes
   * first (this gets 409) or finds the renewal and withdraws it.
   */
  public FilingService.Submission submit(String filingCode, FilingApplication application, List<MultipartFile> files,
      Consumer<FilingService.Submission> first) {
    Institution institution = access.require(filingCode);
    checkWindow(institution, access.today());
    // Absent: the data as last filed, renewed or changed (a change of name or address carries over).
    FilingApplication data = application != null ? application : filings.currentData(filingCode);
    if (data == null) {
      throw ApiProblem.invalid("application", "请提交延续申请信息（该机构的备案信息不是经本系统登记的）");
    }
    checkSameInstitution(institution, data);
    FilingService.Procedure procedure =
        new FilingService.Procedure(FilingProcess.RENEWAL_KEY, LifecycleProcess.RENEWAL, filingCode, false,
        true, java.util.Map.of());
    return filings.submit(procedure, data, files, submission -> {
      checkWindow(registry.lock(filingCode), access.today());
      first.accept(submission);
    });
  }

  /**
   * 004 Art. 23: only in the 3 months before {@code validUntil} (the last day included); earlier → 409 naming the
   * opening day; once expired or terminated the qualification has lapsed: file anew (409).
   */
  static void checkWindow(Institution institution, LocalDate today) {
    if (institution.isBranch()) {
      throw ApiProblem.conflict("分支机构 " + institution.filingCode() + " 的备案随所属用人单位（"
          + institution.parentFilingCode() + "）延续，请由用人单位申请延续。");
    }
    if (institution.status() == InstitutionStatus.TERMINATED) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 已终止备案，不能申请延续；如需继续开展评价工作，请重新申请备案。");
    }
    if (institution.status() == InstitutionStatus.EXPIRED || today.isAfter(institution.validUntil())) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案已于 " + SHOWN.format(institution.validUntil())
          + " 届满失效，不能申请延续；请重新申请备案。");
    }
    LocalDate opens = opens(institution.validUntil());
    if (today.isBefore(opens)) {
      throw ApiProblem.conflict("延续申请须在备案有效期届满前 " + WINDOW_MONTHS + " 个月内提出：备案有效期至 "
          + SHOWN.format(institution.validUntil()) + "，自 " + SHOWN.format(opens) + " 起可以申请延续（浙人社发〔2022〕20号 第二十三条）。");
    }
  }

  /** The first day a renewal may be applied for. */
  static LocalDate opens(LocalDate validUntil) {
    return validUntil.minusMonths(WINDOW_MONTHS);
  }

  private static void checkSameInstitution(Institution institution, FilingApplication data) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (data.creditCode() != null && !data.creditCode().equals(institution.creditCode())) {
      errors.add(new ApiProblem.FieldError("application.creditCode",
          "延续申请的统一社会信用代码应为该机构的 " + institution.creditCode()));
    }
    if (data.institutionType() != null && !data.institutionType().equals(institution.type().name())) {
      errors.add(new ApiProblem.FieldError("application.institutionType",
          "延续申请不能改变机构类别（" + institution.type().label() + "）"));
    }
    if (!data.branches().isEmpty()) {
      errors.add(new ApiProblem.FieldError("application.branches", "延续申请不含分支机构：分支机构随用人单位延续"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }
}
