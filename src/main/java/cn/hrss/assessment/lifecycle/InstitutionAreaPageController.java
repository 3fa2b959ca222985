package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingReceipts;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.filing.OccupationCatalogue;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The institution's own area (issue 17 item 4): signed in with its filing code and the access token of the
 * application that filed it ({@link InstitutionAccess}, as {@code /api/institutions/{filingCode}/…}). It shows the
 * institution's directory entry and its open applications, and offers what the API offers: renewal while its window
 * is open (otherwise the day it opens, 004 Art. 23), a change of basic information (004 Art. 21), a change of
 * occupations and levels (004 Art. 22) and voluntary
 * termination with a confirmation step (004 Art. 24), each by the same service as the API. The code and token are
 * posted, never put in a URL (the page's own forms carry them as hidden fields, like the status page); answers are
 * not cached; a wrong code and a wrong token get the same message.
 */
@Controller
class InstitutionAreaPageController {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final java.util.ResourceBundle RECORD_TEXTS =
      java.util.ResourceBundle.getBundle("i18n/lifecycle", Locale.ROOT);
  private static final String WRONG = "备案编码或查询令牌不正确，请核对后重新输入。";
  /** The fields of a change of basic information (ChangeService), with their labels. */
  private static final List<List<String>> CHANGE_FIELDS = List.of(List.of("name", "机构名称"), List.of("address", "地址"),
      List.of("legalRepresentative", "法定代表人"), List.of("contact.name", "联系人"), List.of("contact.phone", "联系电话"),
      List.of("contact.email", "电子邮箱"));

  private final InstitutionAccess access;
  private final FilingService filings;
  private final RenewalService renewals;
  private final ChangeService changes;
  private final TerminationService terminations;
  private final ScopeChangeService scopeChanges;
  private final InstitutionRecord record;
  private final FilingReceipts receipts;
  private final OccupationCatalogue catalogue;
  private final LaterBranchService laterBranches;
  private final cn.hrss.assessment.registry.InstitutionRegistry registry;

  InstitutionAreaPageController(InstitutionAccess access, FilingService filings, RenewalService renewals,
      ChangeService changes, TerminationService terminations, ScopeChangeService scopeChanges,
      InstitutionRecord record, FilingReceipts receipts, OccupationCatalogue catalogue, LaterBranchService laterBranches,
      cn.hrss.assessment.registry.InstitutionRegistry registry) {
    this.laterBranches = laterBranches;
    this.registry = registry;
    this.scopeChanges = scopeChanges;
    this.record = record;
    this.receipts = receipts;
    this.catalogue = catalogue;
    this.access = access;
    this.filings = filings;
    this.renewals = renewals;
    this.changes = changes;
    this.terminations = terminations;
  }

  @GetMapping("/institution")
  String form(@RequestParam(required = false) String tooLarge, Model model) {
    // Back from a renewal larger than the server reads (web.ProblemHandler): sign in again and choose smaller files.
    signIn(model, "", tooLarge == null ? null : "上传的材料超过允许的大小，未保存任何内容。请重新登录后选择较小的文件。");
    return "public/institution";
  }

  @PostMapping("/institution")
  String area(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String code = filingCode.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty() || accessToken.isBlank()) {
      signIn(model, code, "请填写备案编码和查询令牌。");
      return "public/institution";
    }
    Institution institution = signedIn(code, accessToken, model, response);
    if (institution != null) {
      area(model, institution, accessToken.strip());
    }
    return "public/institution";
  }

  /** 延续备案 (004 Art. 23) with the data as last filed or changed and the materials chosen. */
  @PostMapping("/institution/renewal")
  String renew(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return "public/institution";
    }
    try {
      FilingService.Submission done = renewals.submit(institution.filingCode(), null,
          files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList(), first -> { });
      area(model, access.require(institution.filingCode()), accessToken.strip());
      model.addAttribute("submitted", done);
      model.addAttribute("submittedKind", "延续备案申请");
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      area(model, access.require(institution.filingCode()), accessToken.strip());
      model.addAttribute("renewalErrors", messages(problem));
    }
    return "public/institution";
  }

  /** 信息变更 (004 Art. 21): the values as shown, sent to the same check as {@code POST …/changes}. */
  @PostMapping("/institution/change")
  String change(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String address,
      @RequestParam(defaultValue = "") String legalRepresentative,
      @RequestParam(name = "contact.name", defaultValue = "") String contactName,
      @RequestParam(name = "contact.phone", defaultValue = "") String contactPhone,
      @RequestParam(name = "contact.email", defaultValue = "") String contactEmail,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return "public/institution";
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("address", address);
    values.put("legalRepresentative", legalRepresentative);
    values.put("contact.name", contactName);
    values.put("contact.phone", contactPhone);
    values.put("contact.email", contactEmail);
    // A field left blank that has no value on file is no change (the API's "omit what stays").
    FilingApplication current = filings.currentData(institution.filingCode());
    FilingApplication.Contact oldContact = current == null ? null : current.contact();
    try {
      FilingService.Submission done = changes.submit(institution.filingCode(), new ChangeService.ChangeRequest(
          unlessBoth(name, current == null ? null : current.name()),
          unlessBoth(address, current == null ? null : current.address()),
          unlessBoth(legalRepresentative, current == null ? null : current.legalRepresentative()),
          new FilingApplication.Contact(unlessBoth(contactName, oldContact == null ? null : oldContact.name()),
              unlessBoth(contactPhone, oldContact == null ? null : oldContact.phone()),
              unlessBoth(contactEmail, oldContact == null ? null : oldContact.email()))),
          first -> { });
      area(model, institution, accessToken.strip());
      model.addAttribute("submitted", done);
      model.addAttribute("submittedKind", "信息变更报告");
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      area(model, institution, accessToken.strip());
      model.addAttribute("changeValues", values);
      model.addAttribute("changeErrors", fieldErrors(problem));
    }
    return "public/institution";
  }

  /**
   * 职业（工种）及等级变更 (004 Art. 22): the filed occupations with their levels (an occupation with no level ticked is
   * left out, which stops it at once), one occupation to add, and the materials; the data as last filed otherwise.
   * Checked and started by the service behind {@code POST …/scope-changes}.
   */
  @PostMapping("/institution/scope-change")
  String changeScope(@RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String token = params.getFirst("accessToken") == null ? "" : params.getFirst("accessToken");
    Institution institution = signedIn(String.valueOf(params.getFirst("filingCode")), token, model, response);
    if (institution == null) {
      return "public/institution";
    }
    List<ScopeRow> rows = new ArrayList<>();
    List<FilingApplication.Occupation> occupations = new ArrayList<>();
    for (int i = 0; params.containsKey("scope[" + i + "].code") && i < 200; i++) {
      String prefix = "scope[" + i + "].";
      ScopeRow row = new ScopeRow(params.getFirst(prefix + "code"), params.getFirst(prefix + "name"),
          blankToNull(params.getFirst(prefix + "track")), levels(params.get(prefix + "levels")));
      rows.add(row);
      if (!row.levels().isEmpty()) {
        occupations.add(new FilingApplication.Occupation(row.code(), row.name(), row.track(), row.levels()));
      }
    }
    // The occupation to add is picked from the catalogue (issue 17 item 4), as on /apply: code, name and track come
    // from the entry, never typed; its levels are those the entry may be assessed at.
    String entryKey = strip(params.getFirst("new.entry"));
    java.util.Optional<OccupationCatalogue.Entry> entry = catalogue.find(entryKey);
    List<Integer> addedLevels = levels(params.get("new.levels"));
    ScopeRow added = entry.map(e -> new ScopeRow(e.code(), e.name(), blankToNull(e.track()), addedLevels))
        .orElse(new ScopeRow("", "", null, addedLevels));
    int addedIndex = -1;
    if (entry.isPresent() || !addedLevels.isEmpty()) {
      addedIndex = occupations.size();
      occupations.add(new FilingApplication.Occupation(added.code(), added.name(), added.track(), added.levels()));
    }
    FilingApplication current = filings.currentData(institution.filingCode());
    try {
      if (current == null) {
        throw ApiProblem.conflict("该机构的备案信息不是经本系统申请登记的（如分支机构），请向备案部门申请变更职业（工种）。");
      }
      if (!entryKey.isEmpty() && entry.isEmpty()) {
        throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("occupations[" + addedIndex + "]",
            "所选职业（工种）不在职业目录中，请重新选择。")));
      }
      if (entry.isEmpty() && !addedLevels.isEmpty()) {
        throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("occupations[" + addedIndex + "]",
            "请先从职业目录选择要增加的职业（工种），再勾选等级。")));
      }
      if (entry.isPresent() && !entry.get().levels().containsAll(addedLevels)) {
        throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("occupations[" + addedIndex + "].levels",
            "该职业（工种）在职业目录中只能申报以下等级：" + levelNames(entry.get().levels()) + "。")));
      }
      FilingApplication application = new FilingApplication(current.institutionType(), current.name(),
          current.creditCode(), current.organisationForm(), current.legalRepresentative(), current.province(),
          current.address(), current.contact(), occupations, List.of(), current.declarations());
      FilingService.Submission done = scopeChanges.submit(institution.filingCode(), application,
          files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList(), first -> { });
      area(model, access.require(institution.filingCode()), token.strip());
      model.addAttribute("submitted", done);
      model.addAttribute("submittedKind", "职业（工种）及等级变更申请");
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      area(model, access.require(institution.filingCode()), token.strip());
      model.addAttribute("scopeRows", rows);
      model.addAttribute("scopeAdded", added);
      model.addAttribute("scopeAddedEntry", entryKey);
      model.addAttribute("scopeErrors", messages(problem));
      // an error of the added occupation (occupations[n].…) is shown on that row as well
      String addedPath = "occupations[" + addedIndex + "]";
      model.addAttribute("scopeAddedErrors", addedIndex < 0 ? List.of() : problem.errors().stream()
          .filter(e -> e.field().contains(addedPath)).map(ApiProblem.FieldError::message).toList());
    }
    return "public/institution";
  }

  /** The branch form's fields (the API's {@code application} part) and their labels. */
  static final List<String> BRANCH_FIELDS = List.of("name", "creditCode", "province", "cityCode", "address",
      "contactEmail");

  /**
   * 分支机构备案 after filing (issue 19 item 9; 人社鉴发〔2019〕3号 §一5, 002 Annex 1 §一(十)5): the branch's data and the
   * three materials of 3号 §一5, one file input per item (tagged by the input it was chosen in), sent to the service
   * behind {@code POST /api/institutions/{code}/branches}. Every field error is shown on its field: the page checks
   * the fields and the missing materials together before submitting, so one round trip names them all.
   */
  @PostMapping("/institution/branch")
  String addBranch(@RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "material-1", required = false) MultipartFile material1,
      @RequestParam(name = "material-2", required = false) MultipartFile material2,
      @RequestParam(name = "material-3", required = false) MultipartFile material3,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String token = params.getFirst("accessToken") == null ? "" : params.getFirst("accessToken");
    Institution institution = signedIn(String.valueOf(params.getFirst("filingCode")), token, model, response);
    if (institution == null) {
      return "public/institution";
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : BRANCH_FIELDS) {
      String value = blankToNull(params.getFirst("branch." + field));
      values.put(field, value == null ? null
          : "creditCode".equals(field) ? value.toUpperCase(Locale.ROOT) : value);
    }
    List<MultipartFile> chosen = java.util.Arrays.asList(material1, material2, material3);
    List<MultipartFile> files = new ArrayList<>();
    List<FilingApplication.MaterialRef> refs = new ArrayList<>();
    List<Integer> fileItems = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (int item = 1; item <= chosen.size(); item++) {
      MultipartFile file = chosen.get(item - 1);
      if (file == null || file.isEmpty()) {
        // 人社鉴发〔2019〕3号 §一5 (1)-(3): each of the three is required.
        errors.put("materials[" + item + "]", RECORD_TEXTS.getString("branch.material.missing"));
      } else {
        files.add(file);
        fileItems.add(item);
        refs.add(new FilingApplication.MaterialRef(item, file.getOriginalFilename()));
      }
    }
    LaterBranchService.LaterBranch branch = new LaterBranchService.LaterBranch(values.get("name"),
        values.get("creditCode"), values.get("province"), values.get("address"), values.get("contactEmail"), refs,
        values.get("cityCode"));
    int status = HttpServletResponse.SC_BAD_REQUEST;
    if (errors.isEmpty()) {
      try {
        FilingService.Submission done = laterBranches.submit(institution.filingCode(), branch, files, first -> { });
        area(model, access.require(institution.filingCode()), token.strip());
        model.addAttribute("submitted", done);
        model.addAttribute("submittedKind", RECORD_TEXTS.getString("branch.submittedKind"));
        return "public/institution";
      } catch (ApiProblem problem) {
        branchErrors(problem, errors, fileItems);
        status = problem.status().value();
      }
    } else {
      // A material is missing: the fields' own errors are named now as well (nothing is stored).
      try {
        LaterBranchService.checkMayAddBranch(institution, access.today());
        filings.checkLaterBranch(branch.branch());
      } catch (ApiProblem problem) {
        branchErrors(problem, errors, fileItems);
        status = problem.status().value();
      }
    }
    response.setStatus(status);
    area(model, access.require(institution.filingCode()), token.strip());
    model.addAttribute("branchValues", values);
    model.addAttribute("errors", errors);
    return "public/institution";
  }

  /** A refusal's errors on the branch form's fields ({@code branch.name}, {@code materials[2]}); a 409 under "form". */
  private static void branchErrors(ApiProblem problem, Map<String, String> errors, List<Integer> fileItems) {
    if (problem.errors().isEmpty()) {
      errors.put("form", problem.getMessage());
    }
    for (ApiProblem.FieldError e : problem.errors()) {
      String field = e.field();
      if (field.startsWith("application.")) {
        field = "branch." + field.substring("application.".length());
      } else if (field.startsWith("files[")) {
        // files[i]: the i-th file passed on, chosen in the input of item fileItems[i].
        int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
        field = index < fileItems.size() ? "materials[" + fileItems.get(index) + "]" : "form";
      } else if (field.matches("materials\\[\\d+\\]\\..*")) {
        // materials[i].file: the i-th reference, i.e. the i-th file passed on.
        int index = Integer.parseInt(field.substring(10, field.indexOf(']')));
        field = index < fileItems.size() ? "materials[" + fileItems.get(index) + "]" : "form";
      } else if (!field.matches("materials\\[\\d+\\]")) {
        field = "form";
      }
      errors.merge(field, e.message(), (a, b) -> a + "；" + b);
    }
  }

  /** One occupation row of the scope form. */
  public record ScopeRow(String code, String name, String track, List<Integer> levels) {}

  private static List<Integer> levels(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v.matches("[1-5]")).map(Integer::valueOf).distinct().sorted().toList();
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * 主动注销 (004 Art. 24) in two steps: the reason is checked and the page asks for confirmation, saying what follows;
   * only the confirmed post ({@code confirm=yes}) terminates.
   */
  @PostMapping("/institution/termination")
  String terminate(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String confirm, Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return "public/institution";
    }
    try {
      if (!"yes".equals(confirm)) {
        TerminationService.checkReason(reason);
        area(model, institution, accessToken.strip());
        model.addAttribute("terminationStep", "confirm");
        model.addAttribute("terminationReason", reason.strip());
        return "public/institution";
      }
      TerminationService.Terminated done = terminations.terminate(institution.filingCode(), reason);
      area(model, access.require(institution.filingCode()), accessToken.strip());
      model.addAttribute("terminationStep", "done");
      model.addAttribute("withdrawn", done.withdrawnApplications());
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      area(model, access.require(institution.filingCode()), accessToken.strip());
      model.addAttribute("terminationReason", reason);
      model.addAttribute("terminationErrors", messages(problem));
    }
    return "public/institution";
  }

  /**
   * The receipt of one of the institution's approved applications, from its record (issue 13 item 9): a PDF to save,
   * as on the status page.
   */
  @PostMapping("/institution/receipt")
  Object receipt(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String applicationNo, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return "public/institution";
    }
    java.util.Optional<org.springframework.http.ResponseEntity<byte[]>> receipt =
        receipts.ofInstitution(institution.filingCode(), applicationNo.strip().toUpperCase(Locale.ROOT));
    if (receipt.isPresent()) {
      return receipt.get();
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    area(model, institution, accessToken.strip());
    model.addAttribute("receiptError", "没有该申请的回执。");
    return "public/institution";
  }

  /** The institution whose token the request carries, or null with the sign-in form and the refusal (403) set. */
  private Institution signedIn(String filingCode, String accessToken, Model model, HttpServletResponse response) {
    String code = filingCode.strip().toUpperCase(Locale.ROOT);
    Institution institution;
    try {
      institution = access.require(code);
    } catch (ApiProblem unknown) {
      institution = null;
    }
    if (institution == null || !access.tokenMatches(institution, accessToken.strip())) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      signIn(model, code, WRONG);
      return null;
    }
    return institution;
  }

  /** The area of a signed-in institution: its entry, its open applications and what it may do now. */
  private void area(Model model, Institution institution, String token) {
    signIn(model, institution.filingCode(), null);
    model.addAttribute("institution", institution);
    model.addAttribute("accessToken", token);
    model.addAttribute("inForce", institution.status() != InstitutionStatus.TERMINATED
        && institution.status() != InstitutionStatus.EXPIRED);
    model.addAttribute("openApplications", filings.openApplicationsFor(institution.filingCode()));
    // 004 Art. 23: the same check as the API's, so the page says exactly what a renewal request would be told.
    String renewalClosed = null;
    try {
      RenewalService.checkWindow(institution, access.today());
    } catch (ApiProblem closed) {
      renewalClosed = closed.getMessage();
    }
    model.addAttribute("renewalClosed", renewalClosed);
    model.addAttribute("renewalOpens", institution.validUntil() == null ? null
        : SHOWN.format(RenewalService.opens(institution.validUntil())));
    model.addAttribute("validUntil", institution.validUntil() == null ? null : SHOWN.format(institution.validUntil()));
    FilingApplication current = filings.currentData(institution.filingCode());
    model.addAttribute("current", current);
    Map<String, String> values = new LinkedHashMap<>();
    if (current != null) {
      values.put("name", current.name());
      values.put("address", current.address());
      values.put("legalRepresentative", current.legalRepresentative());
      values.put("contact.name", current.contact() == null ? "" : current.contact().name());
      values.put("contact.phone", current.contact() == null ? "" : current.contact().phone());
      values.put("contact.email", current.contact() == null ? "" : current.contact().email());
    }
    model.addAttribute("changeValues", values);
    model.addAttribute("scopeRows", institution.occupations().stream()
        .map(o -> new ScopeRow(o.code(), o.name(), o.track(), o.levels())).toList());
    model.addAttribute("catalogue", catalogue.entries());
    // Its own supervision record (issue 17 item 4; 监督管理办法 Art. 8, 11), as InstitutionRecord#forInstitution shows it.
    model.addAttribute("record", record.forInstitution(institution.filingCode()).stream().map(e -> new RecordRow(
        TIME.format(e.at().atZone(java.time.ZoneId.of("Asia/Shanghai"))), RECORD_TEXTS.getString("record." + e.kind()), e.summary(),
        e.kind().endsWith("_APPROVED") && e.document() != null && e.document().endsWith("/receipt") ? e.reference() : null))
        .toList());
    model.addAttribute("receiptPdf", receipts.pdfAvailable());
    // Issue 19 item 9: its branches and branch applications, and whether it may apply for another (the API's check).
    String branchRefusal = null;
    try {
      LaterBranchService.checkMayAddBranch(institution, access.today());
    } catch (ApiProblem refused) {
      branchRefusal = refused.getMessage();
    }
    model.addAttribute("branchRefusal", branchRefusal);
    model.addAttribute("branches", institution.isBranch() ? List.of() : registry.branchesOf(institution.filingCode()));
    model.addAttribute("branchApplications", filings.laterBranchApplications(institution.filingCode()).stream()
        .map(b -> new BranchApplicationRow(b.applicationNo(), TIME.format(b.submittedAt().atZone(
            java.time.ZoneId.of("Asia/Shanghai"))), b.name(), cn.hrss.assessment.codes.Provinces.isValid(b.province())
            ? cn.hrss.assessment.codes.Provinces.name(b.province()) : b.province(), b.status(), b.comment(),
            b.filingCode())).toList());
    model.addAttribute("provinces", cn.hrss.assessment.codes.Provinces.all());
  }

  /** A branch application as the area lists it. */
  public record BranchApplicationRow(String applicationNo, String submittedAt, String name, String province,
      String status, String comment, String filingCode) {}

  /** One line of the record as the page shows it; {@code receiptOf}: the application whose receipt can be downloaded. */
  public record RecordRow(String at, String kind, String summary, String receiptOf) {}

  private static String levelNames(List<Integer> levels) {
    return String.join("、", levels.stream().map(l -> RECORD_TEXTS.getString("level." + l)).toList());
  }

  private static void signIn(Model model, String filingCode, String error) {
    model.addAttribute("activeNav", "institution");
    model.addAttribute("changeFields", CHANGE_FIELDS);
    model.addAttribute("filingCode", filingCode);
    model.addAttribute("error", error);
    model.addAttribute("institution", null);
    model.addAttribute("accessToken", null);
    model.addAttribute("submitted", null);
    model.addAttribute("submittedKind", null);
    model.addAttribute("renewalErrors", List.of());
    model.addAttribute("changeErrors", Map.of());
    model.addAttribute("changeValues", Map.of());
    model.addAttribute("terminationStep", null);
    model.addAttribute("terminationReason", null);
    model.addAttribute("terminationErrors", List.of());
    model.addAttribute("withdrawn", List.of());
    model.addAttribute("scopeRows", List.of());
    model.addAttribute("scopeAdded", new ScopeRow("", "", null, List.of()));
    model.addAttribute("scopeErrors", List.of());
    model.addAttribute("scopeAddedErrors", List.of());
    model.addAttribute("scopeAddedEntry", "");
    model.addAttribute("catalogue", List.of());
    model.addAttribute("record", List.of());
    model.addAttribute("receiptError", null);
    model.addAttribute("receiptPdf", false);
    model.addAttribute("errors", Map.of());
    model.addAttribute("branchValues", Map.of());
    model.addAttribute("branchRefusal", null);
    model.addAttribute("branches", List.of());
    model.addAttribute("branchApplications", List.of());
    model.addAttribute("provinces", Map.of());
  }

  private static String unlessBoth(String value, String onFile) {
    return value.isBlank() && (onFile == null || onFile.isBlank()) ? null : value;
  }

  private static List<String> messages(ApiProblem problem) {
    return problem.errors().isEmpty() ? List.of(problem.getMessage())
        : problem.errors().stream().map(ApiProblem.FieldError::message).toList();
  }

  /** Field → message; a refusal without fields (409) under "form". */
  private static Map<String, String> fieldErrors(ApiProblem problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (problem.errors().isEmpty()) {
      errors.put("form", problem.getMessage());
    }
    problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
    return errors;
  }
}
