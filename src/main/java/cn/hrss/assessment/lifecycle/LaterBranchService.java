package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.web.ApiProblem;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Issue 19 item 9: a filed employer adds a branch after its filing, with the three materials of 人社鉴发〔2019〕3号 §一5
 * (备案申请表, 本单位工作方案, 所属用人单位工作方案复印件). The branch files with the HRSS department of the province where
 * it sits, which reviews it technically, assigns its code and issues the branch receipt ({@code BranchFilingProcess},
 * the same as for the branches declared in the filing; 002 Annex 1 §一(十)5). This holds for a national employer's
 * branch (3号 §一5: 向所在地省级人社部门备案) and, our reading, for a provincial employer's too: 3号 §二 names no
 * branch procedure of its own, 001 人社部发〔2019〕90号 §(十三) puts other employers under 属地管理 and 3号 §三 says
 * 谁备案、谁监管 — the branch's province supervises the branch, so it files it ({@code provincial-officers-<branch
 * province>}, also when that is the employer's own province).
 */
@Service
public class LaterBranchService {

  /** The branch part of {@code POST /api/institutions/{filingCode}/branches}: the branch and its tagged materials. */
  public record LaterBranch(String name, String creditCode, String province, String address, String contactEmail,
      List<FilingApplication.MaterialRef> materials, String cityCode) {

    /** A branch without city code (provinces that code no city). */
    public LaterBranch(String name, String creditCode, String province, String address, String contactEmail,
        List<FilingApplication.MaterialRef> materials) {
      this(name, creditCode, province, address, contactEmail, materials, null);
    }

    FilingApplication.Branch branch() {
      return new FilingApplication.Branch(name, creditCode, province, address, contactEmail, cityCode);
    }
  }

  private final FilingService filings;
  private final InstitutionRegistry registry;
  private final InstitutionAccess access;

  LaterBranchService(FilingService filings, InstitutionRegistry registry, InstitutionAccess access) {
    this.filings = filings;
    this.registry = registry;
    this.access = access;
  }

  /**
   * Starts the branch's provincial filing. The employer must be filed and active (checked again under its row lock in
   * the transaction that stores the application, so a termination at the same moment comes first or finds it).
   */
  public FilingService.Submission submit(String filingCode, LaterBranch request, List<MultipartFile> files,
      Consumer<FilingService.Submission> first) {
    Institution institution = access.require(filingCode);
    checkMayAddBranch(institution, access.today());
    FilingApplication employer = filings.currentData(filingCode);
    if (employer == null) {
      throw ApiProblem.conflict("评价机构 " + filingCode + " 的备案信息不是经本系统登记的，请向备案部门申请分支机构备案。");
    }
    return filings.submitLaterBranch(filingCode, employer, request == null ? null : request.branch(),
        request == null ? null : request.materials(), files, submission -> {
          checkMayAddBranch(registry.lock(filingCode), access.today());
          first.accept(submission);
        });
  }

  /**
   * Branches are an employer's (002 Annex 1 §一(十)5; 人社鉴发〔2019〕3号 §一5 a national employer's, §二 with §一5 a
   * provincial employer's, see the class comment). A social organisation has no branches but sites (站点/分站, coded
   * under 人社鉴发〔2019〕2号 — issue 19 item 10, another procedure): 409. A branch adds no branch; only an active
   * filing in force does.
   */
  static void checkMayAddBranch(Institution institution, java.time.LocalDate today) {
    if (institution.isBranch()) {
      throw ApiProblem.conflict("分支机构 " + institution.filingCode() + " 不能再申报分支机构，请由所属用人单位（"
          + institution.parentFilingCode() + "）申报。");
    }
    if (institution.type() != InstitutionType.NATIONAL_EMPLOYER
        && institution.type() != InstitutionType.PROVINCIAL_EMPLOYER) {
      throw ApiProblem.conflict("社会培训评价组织不设分支机构备案（分支机构备案适用于用人单位：002 附件1 §一(十)5、人社鉴发〔2019〕3号 §一5）；"
          + "其评价站点按人社鉴发〔2019〕2号的站点编码另行办理。");
    }
    if (institution.status() != InstitutionStatus.ACTIVE
        || institution.validUntil() != null && today.isAfter(institution.validUntil())) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案状态为“"
          + (institution.status() == InstitutionStatus.ACTIVE ? InstitutionStatus.EXPIRED.label() : institution.status().label())
          + "”，只有备案正常的用人单位可以申报分支机构。");
    }
  }
}
