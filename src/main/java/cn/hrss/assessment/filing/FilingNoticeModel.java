package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.filing.FilingRepository.StoredApplication;
import cn.hrss.assessment.notification.NoticeModelContributor;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application's data for the filing notices (templates/mail/filing-*.html, branch-*.html), looked up by the
 * business key so the processes keep few variables.
 */
@Component
class FilingNoticeModel implements NoticeModelContributor {

  private final FilingRepository repository;
  private final String publicBaseUrl;

  FilingNoticeModel(FilingRepository repository, @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.repository = repository;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return FilingProcess.APPLICATION_KEYS.contains(processDefinitionKey)
        || FilingProcess.BRANCH_KEY.equals(processDefinitionKey);
  }

  @Override
  public Map<String, Object> contribute(String processDefinitionKey, String businessKey) {
    String applicationNo = businessKey;
    Integer branchIndex = null;
    int marker = businessKey.lastIndexOf("-B");
    if (FilingProcess.BRANCH_KEY.equals(processDefinitionKey) && marker > 0) {
      applicationNo = businessKey.substring(0, marker);
      branchIndex = Integer.valueOf(businessKey.substring(marker + 2));
    }
    StoredApplication a = repository.find(applicationNo).orElse(null);
    if (a == null) {
      return Map.of();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("applicationNo", a.applicationNo());
    model.put("applicantName", a.name());
    model.put("creditCode", a.creditCode());
    model.put("institutionTypeLabel", FilingTexts.text("type." + a.institutionType()));
    model.put("provinceName", Provinces.name(a.province()));
    model.put("address", a.application().address());
    model.put("occupations", a.application().occupations().stream().map(o -> Map.of(
        "code", o.code(), "name", o.name(), "track", o.track() == null ? "" : o.track(),
        "levels", o.levels().stream().sorted().map(FilingDisplay::level).collect(Collectors.joining("、")))).toList());
    model.put("submittedOn", a.submittedAt().atZone(FilingService.CHINA).toLocalDate());
    model.put("statusUrl", publicBaseUrl + "/status"); // the applicant status page (number + token)
    putIfPresent(model, "decisionReason", a.decisionReason());
    putIfPresent(model, "filingCode", a.filingCode());
    putIfPresent(model, "receiptNo", a.receiptNo());
    putIfPresent(model, "validUntil", a.validUntil());
    if (a.filedAt() != null) {
      model.put("filedOn", a.filedAt().atZone(FilingService.CHINA).toLocalDate());
    }
    // 002 Annex 1 §一(十二): the result letter's title.
    model.put("letterTitle", FilingTexts.text("letter.title", a.name()));
    List<FilingRepository.Objection> upheld = repository.objections(applicationNo).stream()
        .filter(o -> Boolean.TRUE.equals(o.upheld())).toList();
    if (!upheld.isEmpty()) {
      model.put("objectionResponse", upheld.get(0).response());
    }
    repository.panelDraw(applicationNo).ifPresent(draw -> model.put("reviewComments", repository.opinions(a.applicationNo())
        .stream().filter(o -> draw.panel().contains(o.expertId())).map(FilingRepository.Opinion::comment).toList()));
    if (branchIndex != null) {
      FilingRepository.BranchRow branch = repository.branch(applicationNo, branchIndex);
      model.put("branchName", branch.name());
      model.put("branchCreditCode", branch.creditCode());
      model.put("branchProvinceName", Provinces.name(branch.province()));
      model.put("branchAddress", branch.address());
      putIfPresent(model, "branchFilingCode", branch.filingCode());
      putIfPresent(model, "branchReceiptNo", branch.receiptNo());
      putIfPresent(model, "branchComment", branch.comment());
    }
    // The engine clock, like every date of a case (a test or the suite's date switch moves it).
    model.put("today", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), FilingService.CHINA));
    return model;
  }

  private static void putIfPresent(Map<String, Object> model, String key, Object value) {
    if (value != null) {
      model.put(key, value);
    }
  }
}
