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
 * Issue 19 item 9: a filed employer adds a branch after its filing. 人社鉴发〔2019〕3号 §一5 / 002 Annex 1 §一(十)5: the
 * branch files with the HRSS department of its province, which reviews it technically, assigns its code and issues
 * the branch receipt ({@code BranchFilingProcess}, the same as for the branches declared in the filing).
 */
@Service
public class LaterBranchService {

  /** The branch part of {@code POST /api/institutions/{filingCode}/branches}: the branch and its tagged materials. */
  public record LaterBranch(String name, String creditCode, String province, String address, String contactEmail,
      List<FilingApplication.MaterialRef> materials) {
    FilingApplication.Branch branch() {
      return new FilingApplication.Branch(name, creditCode, province, address, contactEmail);
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
   * Branches are an employer's (002 Annex 1 §一(十)5; 人社鉴发〔2019〕3号 §一5: 中央企业分支机构; §二 the provincial
   * employer's are filed the same way with its province). A social organisation has no branches but sites (站点/分站,
   * coded under 人社鉴发〔2019〕2号 — issue 19 item 10): 409. A branch adds no branch; only an active filing does.
   */
  static void checkMayAddBranch(Institution institution, java.time.LocalDate today) {
    if (institution.isBranch()) {
      throw ApiProblem.conflict("分支机构 " + institution.filingCode() + " 不能再申报分支机构，请由所属用人单位（"
          + institution.parentFilingCode() + "）申报。");
    }
    if (institution.type() == InstitutionType.SOCIAL_ORG) {
      throw ApiProblem.conflict("社会培训评价组织不设分支机构备案（分支机构备案适用于用人单位：002 附件1 §一(十)5、人社鉴发〔2019〕3号 §一5）；"
          + "其评价站点按人社鉴发〔2019〕2号的站点编码另行办理。");
    }
    if (institution.type() != InstitutionType.NATIONAL_EMPLOYER) {
      // Our reading: the registry and the branch codes (人社鉴发〔2019〕2号) know branches of national employers only
      // (中央企业分支机构, 3号 §一5); a provincial employer files its sites with its own province.
      throw ApiProblem.conflict("分支机构省级备案适用于全国性用人单位（中央企业分支机构，人社鉴发〔2019〕3号 §一5；002 附件1 §一(十)5），"
          + "省辖用人单位的分支机构请向本省人社部门咨询办理。");
    }
    if (institution.status() != InstitutionStatus.ACTIVE
        || institution.validUntil() != null && today.isAfter(institution.validUntil())) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案状态为“"
          + (institution.status() == InstitutionStatus.ACTIVE ? InstitutionStatus.EXPIRED.label() : institution.status().label())
          + "”，只有备案正常的用人单位可以申报分支机构。");
    }
  }
}
