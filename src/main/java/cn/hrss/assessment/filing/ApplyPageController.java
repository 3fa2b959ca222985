package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.notification.Notice;
import cn.hrss.assessment.notification.NoticeDeliveryException;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The online application (网上申请, issue 17 item 2): every field of {@code POST /api/filings} as a plain HTML form,
 * checked by the same {@link ApplicationValidator} and {@link MaterialStore} and stored by the same
 * {@link FilingService#submit} as the API. A refusal re-renders the form with every value the applicant typed and
 * each error next to its field; files cannot be put back into a browser's file inputs, so the page names the ones
 * that were not stored and asks for them again. On success the application number and access token are shown once
 * (the page is not cached) and mailed to the contact address.
 */
@Controller
class ApplyPageController {

  private static final Logger log = LoggerFactory.getLogger(ApplyPageController.class);

  /** Rows the form reads at most (a tampered post cannot make the server loop further). */
  static final int MAX_ROWS = 50;
  static final String FILE_PART_EMPLOYER = "material-employer-";
  static final String FILE_PART_SOCIAL_ORG = "material-social-";

  private final FilingService filings;
  private final MaterialStore materials;
  private final OccupationCatalogue catalogue;
  private final NotificationService notifications;
  private final FilingProperties properties;
  private final String publicBaseUrl;
  private final long maxRequestBytes;

  ApplyPageController(FilingService filings, MaterialStore materials, OccupationCatalogue catalogue,
      NotificationService notifications, FilingProperties properties,
      @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl,
      @Value("${spring.servlet.multipart.max-request-size:100MB}") org.springframework.util.unit.DataSize maxRequestSize) {
    this.filings = filings;
    this.materials = materials;
    this.catalogue = catalogue;
    this.notifications = notifications;
    this.properties = properties;
    this.publicBaseUrl = publicBaseUrl;
    this.maxRequestBytes = maxRequestSize.toBytes();
  }

  @GetMapping("/apply")
  String form(@RequestParam(required = false) String type, @RequestParam(required = false) String tooLarge, Model model) {
    String chosen = type != null && ApplicationValidator.TYPES.contains(type) ? type : null;
    FilingApplication blank = new FilingApplication(chosen, null, null, null, null, null, null, null,
        List.of(new FilingApplication.Occupation(null, null, null, List.of())), List.of(), null);
    // Back from a post larger than the server reads (web.ProblemHandler): nothing of it could be kept.
    page(model, blank, Map.of(), tooLarge == null ? List.of() : List.of(FilingTexts.text("apply.tooLarge",
        properties.maxFileSize().toMegabytes(), maxRequestBytes / (1024 * 1024))), List.of());
    return "public/apply";
  }

  @PostMapping("/apply")
  String submit(MultipartHttpServletRequest request, @RequestParam MultiValueMap<String, String> params, Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    FilingApplication application = read(params);
    List<Upload> uploads = uploads(request, application.institutionType());

    // Without script, "add a row" / "remove a row" are submit buttons: the form comes back with the change, unsaved.
    String add = params.getFirst("add");
    String remove = params.getFirst("remove");
    if (add != null || remove != null) {
      page(model, edited(application, add, remove), Map.of(), List.of(), lost(uploads));
      return "public/apply";
    }

    Map<String, String> errors = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    try {
      ApplicationValidator.check(application);
    } catch (ApiProblem problem) {
      collect(problem, errors, general, uploads);
    }
    Set<Integer> supplied = new HashSet<>();
    uploads.forEach(u -> supplied.add(u.item()));
    if (application.institutionType() != null && ApplicationValidator.TYPES.contains(application.institutionType())) {
      for (FieldError missing : MaterialChecklist.missing(application.institutionType(), supplied,
          !application.branches().isEmpty())) {
        errors.put(missing.field(), missing.message());
      }
    }
    try {
      materials.check(uploads.stream().map(Upload::file).toList(), false);
    } catch (ApiProblem problem) {
      collect(problem, errors, general, uploads);
    }
    if (errors.isEmpty() && general.isEmpty()) {
      try {
        FilingService.Submission submission = filings.submit(FilingService.Procedure.FILING, application,
            uploads.stream().map(Upload::file).toList(), uploads.stream().map(u -> List.of(u.item())).toList(), first -> { });
        return done(submission, application, model);
      } catch (ApiProblem problem) {
        collect(problem, errors, general, uploads);
        response.setStatus(problem.status().value());
      }
    } else {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    page(model, application, errors, general, lost(uploads));
    return "public/apply";
  }

  /** The success page: number and token shown once (not cached), and mailed to the contact. */
  private String done(FilingService.Submission submission, FilingApplication application, Model model) {
    boolean mailed;
    try {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("applicantName", application.name());
      values.put("applicationNo", submission.applicationNo());
      values.put("accessToken", submission.accessToken());
      values.put("statusUrl", publicBaseUrl + "/status");
      // Not inside a transaction here (submit has committed): sent at once; a failure is recorded and reported below.
      notifications.sendAfterCommit(new Notice("filing-submitted-" + submission.applicationNo(),
          submission.applicationNo(), "filing-submitted", List.of(application.contact().email()), values));
      mailed = true;
    } catch (NoticeDeliveryException e) {
      log.warn("Submission notice of {} could not be sent: {}", submission.applicationNo(), e.getMessage());
      mailed = false;
    }
    model.addAttribute("activeNav", "apply");
    model.addAttribute("applicationNo", submission.applicationNo());
    model.addAttribute("accessToken", submission.accessToken());
    model.addAttribute("email", application.contact().email());
    model.addAttribute("mailed", mailed);
    model.addAttribute("name", application.name());
    return "public/apply-done";
  }

  // ------------------------------------------------------------------ reading the form

  /** The form's fields as the API's application; blank occupation and branch rows are left out. */
  FilingApplication read(MultiValueMap<String, String> params) {
    String type = value(params, "institutionType");
    List<FilingApplication.Occupation> occupations = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      String prefix = "occupations[" + i + "].";
      String code = value(params, prefix + "code");
      String name = value(params, prefix + "name");
      String track = value(params, prefix + "track");
      // Picked from the catalogue without script: the list's value names code and track.
      Optional<OccupationCatalogue.Entry> picked = catalogue.find(value(params, prefix + "entry"));
      if (picked.isPresent() && code == null && name == null) {
        code = picked.get().code();
        name = picked.get().name();
        track = picked.get().track().isEmpty() ? null : picked.get().track();
      }
      List<String> levelValues = params.getOrDefault(prefix + "levels", List.of());
      if (code == null && name == null && track == null && levelValues.isEmpty()) {
        continue;
      }
      List<Integer> levels = new ArrayList<>();
      for (String level : levelValues) {
        try {
          levels.add(Integer.valueOf(level.strip()));
        } catch (NumberFormatException e) {
          levels.add(null); // the validator names it
        }
      }
      occupations.add(new FilingApplication.Occupation(code, name, track, levels));
    }
    List<FilingApplication.Branch> branches = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      String prefix = "branches[" + i + "].";
      FilingApplication.Branch branch = new FilingApplication.Branch(value(params, prefix + "name"),
          upper(value(params, prefix + "creditCode")), value(params, prefix + "province"), value(params, prefix + "address"),
          value(params, prefix + "contactEmail"), value(params, prefix + "cityCode"));
      if (branch.name() != null || branch.creditCode() != null || branch.province() != null || branch.address() != null
          || branch.contactEmail() != null || branch.cityCode() != null) {
        branches.add(branch);
      }
    }
    FilingApplication.Contact contact = new FilingApplication.Contact(value(params, "contact.name"),
        value(params, "contact.phone"), value(params, "contact.email"));
    // A checkbox that is not ticked is not sent: not declared.
    FilingApplication.Declarations declarations = new FilingApplication.Declarations(
        ticked(params, "declarations.noIllegalRecord"), ticked(params, "declarations.noAnnualInspectionFailure"),
        ticked(params, "declarations.notOnIllegalOrgList"), ticked(params, "declarations.notOnAbnormalOperationsList"),
        ticked(params, "declarations.noBadAssessmentRecord"), ticked(params, "declarations.notGovernmentAffiliated"));
    // Issue 19 item 1: the conditions of the chosen type, each a checkbox (not ticked: not met).
    Map<String, Boolean> conditions = new LinkedHashMap<>();
    for (IntakeChecklist.Item item : IntakeChecklist.conditions(type)) {
      conditions.put(item.id(), ticked(params, "conditions." + item.id()));
    }
    return new FilingApplication(type, value(params, "name"), upper(value(params, "creditCode")),
        value(params, "organisationForm"), value(params, "legalRepresentative"), value(params, "province"),
        value(params, "address"), contact, occupations, branches, declarations, upper(value(params, "parentCreditCode")),
        related(value(params, "relatedCreditCodes")), conditions, null, value(params, "cityCode"),
        value(params, "filingLevel"));
  }

  /**
   * Issue 19 item 7: the sister organisations' credit codes, typed one per line (or separated by spaces or commas);
   * each is checked on the server like the applicant's own.
   */
  private static List<String> related(String text) {
    if (text == null) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[\\s,，、；;]+")).filter(code -> !code.isBlank())
        .map(code -> code.toUpperCase(java.util.Locale.ROOT)).toList();
  }

  /** One uploaded material: the item of the type's list it answers and the file. */
  record Upload(int item, MultipartFile file) {}

  /** The files of the chosen type's list, in item order; inputs left empty are skipped. */
  static List<Upload> uploads(MultipartHttpServletRequest request, String institutionType) {
    String prefix = "SOCIAL_ORG".equals(institutionType) ? FILE_PART_SOCIAL_ORG : FILE_PART_EMPLOYER;
    List<Upload> uploads = new ArrayList<>();
    if (institutionType == null || !ApplicationValidator.TYPES.contains(institutionType)) {
      return uploads;
    }
    for (MaterialChecklist.Item item : MaterialChecklist.forType(institutionType)) {
      MultipartFile file = request.getFile(prefix + item.number());
      if (file != null && !file.isEmpty()) {
        uploads.add(new Upload(item.number(), file));
      }
    }
    return uploads;
  }

  /** A refusal's field errors by field; {@code files[i]} (the i-th file passed on) becomes its item's field. */
  private static void collect(ApiProblem problem, Map<String, String> errors, List<String> general, List<Upload> uploads) {
    if (problem.errors().isEmpty()) {
      general.add(problem.getMessage());
      return;
    }
    for (FieldError error : problem.errors()) {
      String field = error.field();
      if (field.startsWith("files[")) {
        int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
        field = index < uploads.size() ? "materials[" + uploads.get(index).item() + "]" : "files";
      }
      if (field.startsWith("relatedCreditCodes[")) {
        // One text area holds the sister organisations' codes, one per line: its errors are shown on it.
        field = "relatedCreditCodes";
      }
      if (field.equals("files") || field.equals("application")) {
        general.add(error.message());
      } else {
        errors.merge(field, error.message(), (a, b) -> a + "；" + b);
      }
    }
  }

  /** What the applicant chose and must choose again: "第 n 项：file.pdf". */
  private static List<String> lost(List<Upload> uploads) {
    return uploads.stream().map(u -> FilingTexts.text("field.material.lost", String.valueOf(u.item()),
        MaterialStore.safeFileName(u.file().getOriginalFilename()))).toList();
  }

  /** The application with a row added or removed ({@code occupation}, {@code branch}, {@code occupation-2}). */
  private static FilingApplication edited(FilingApplication a, String add, String remove) {
    List<FilingApplication.Occupation> occupations = new ArrayList<>(a.occupations());
    List<FilingApplication.Branch> branches = new ArrayList<>(a.branches());
    if ("occupation".equals(add) && occupations.size() < MAX_ROWS) {
      occupations.add(new FilingApplication.Occupation(null, null, null, List.of()));
    } else if ("branch".equals(add) && branches.size() < MAX_ROWS) {
      branches.add(new FilingApplication.Branch(null, null, null, null, null));
    } else if (remove != null && remove.matches("(occupation|branch)-\\d{1,2}")) {
      int index = Integer.parseInt(remove.substring(remove.indexOf('-') + 1));
      List<?> rows = remove.startsWith("occupation") ? occupations : branches;
      if (index < rows.size()) {
        rows.remove(index);
      }
    }
    if (occupations.isEmpty()) {
      occupations.add(new FilingApplication.Occupation(null, null, null, List.of()));
    }
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(), occupations, branches, a.declarations(),
        a.parentCreditCode(), a.relatedCreditCodes(), a.conditions(), null, a.cityCode(), a.filingLevel());
  }

  private void page(Model model, FilingApplication application, Map<String, String> errors, List<String> general,
      List<String> lostFiles) {
    model.addAttribute("activeNav", "apply");
    model.addAttribute("form", application);
    model.addAttribute("errors", errors);
    model.addAttribute("errorLinks", errors.entrySet().stream()
        .map(e -> new ErrorLink(anchor(e.getKey(), application.institutionType()), label(e.getKey()), e.getValue())).toList());
    model.addAttribute("generalErrors", general);
    model.addAttribute("lostFiles", lostFiles);
    model.addAttribute("provinces", Provinces.all());
    model.addAttribute("organisationForms", organisationForms());
    model.addAttribute("catalogue", catalogue.entries());
    model.addAttribute("employerMaterials", MaterialChecklist.EMPLOYER);
    model.addAttribute("provincialMaterials", MaterialChecklist.PROVINCIAL_EMPLOYER);
    Map<String, List<IntakeChecklist.Item>> conditionLists = new LinkedHashMap<>();
    for (String t : List.of("NATIONAL_EMPLOYER", "PROVINCIAL_EMPLOYER", "SOCIAL_ORG")) {
      conditionLists.put(t, IntakeChecklist.conditions(t));
    }
    model.addAttribute("conditionLists", conditionLists);
    model.addAttribute("socialOrgMaterials", MaterialChecklist.SOCIAL_ORG);
    model.addAttribute("maxFileBytes", properties.maxFileSize().toBytes());
    model.addAttribute("maxFileMegabytes", properties.maxFileSize().toMegabytes());
    model.addAttribute("maxRequestBytes", maxRequestBytes);
    model.addAttribute("maxRequestMegabytes", maxRequestBytes / (1024 * 1024));
    model.addAttribute("accept", ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx");
  }

  /** An entry of the error summary at the top of the form: a link to the field, its label and the message. */
  public record ErrorLink(String anchor, String label, String message) {}

  /** The id of a field's control: {@code occupations[0].code} → {@code f-occupations-0-code} (as the template makes it). */
  static String anchor(String field, String institutionType) {
    if (field.startsWith("materials[")) {
      return "f-material-" + ("SOCIAL_ORG".equals(institutionType) ? "social-" : "employer-")
          + field.substring(10, field.indexOf(']'));
    }
    if (field.equals("occupations") || field.equals("branches") || field.equals("declarations") || field.equals("contact")) {
      return "s-" + field;
    }
    if (field.matches("(occupations|branches)\\[\\d+\\]")) {
      return "s-" + field.replace("[", "-").replace("]", "");
    }
    return "f-" + field.replace("[", "-").replace("]", "").replace('.', '-');
  }

  /** The Chinese name of a field for the error summary: 第 2 个职业（工种）的职业编码 (i18n/filing.properties). */
  static String label(String field) {
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("(occupations|branches)\\[(\\d+)\\](?:\\.(\\w+))?")
        .matcher(field);
    if (row.matches()) {
      String kind = row.group(1).equals("occupations") ? "occupation" : "branch";
      String what = FilingTexts.text("field." + kind + ".row", Integer.parseInt(row.group(2)) + 1);
      String part = row.group(3);
      return part == null ? what : FilingTexts.text("field.row.part", what, text("field." + kind + "." + part, part));
    }
    if (field.startsWith("materials[")) {
      return FilingTexts.text("field.material", field.substring(10, field.indexOf(']')));
    }
    if (field.startsWith("conditions.")) {
      return FilingTexts.text("field.condition", field.substring(11));
    }
    return text("field." + field, field);
  }

  private static String text(String key, String otherwise) {
    try {
      return FilingTexts.text(key);
    } catch (java.util.MissingResourceException e) {
      return otherwise;
    }
  }

  /** Code → Chinese name, in the order of the contract (the prohibited forms last, they are refused). */
  private static Map<String, String> organisationForms() {
    Map<String, String> forms = new LinkedHashMap<>();
    for (String form : List.of("ENTERPRISE", "ASSOCIATION", "PRIVATE_NON_ENTERPRISE", "SCHOOL", "GOVERNMENT_BODY",
        "PUBLIC_INSTITUTION")) {
      forms.put(form, FilingTexts.text("form." + form));
    }
    return forms;
  }

  private static String value(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  private static Boolean ticked(MultiValueMap<String, String> params, String name) {
    return "true".equals(params.getFirst(name));
  }
}
