package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.filing.FilingRepository.StoredApplication;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.web.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The filing procedure's domain side: intake, supplements, objections and every step the processes report back.
 * Delegates and listeners stay thin and call these methods; REST refusals are {@link ApiProblem}s thrown before
 * anything is stored.
 */
@Service
public class FilingService {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final FilingRepository repository;
  private final MaterialStore materials;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final FilingProperties properties;
  private final FilingRegistration registration;
  private final TransactionTemplate transaction;
  private final JurisdictionGrants grants;
  private final OccupationCatalogue catalogue;
  private final SecureRandom random = new SecureRandom();

  FilingService(FilingRepository repository, MaterialStore materials, RuntimeService runtime, IdentityService identity,
      FilingProperties properties, FilingRegistration registration, TransactionTemplate transaction,
      JurisdictionGrants grants, OccupationCatalogue catalogue) {
    this.grants = grants;
    this.catalogue = catalogue;
    this.repository = repository;
    this.materials = materials;
    this.runtime = runtime;
    this.identity = identity;
    this.properties = properties;
    this.registration = registration;
    this.transaction = transaction;
  }

  /** What the applicant gets back from {@code POST /api/filings}. */
  public record Submission(String applicationNo, FilingStatus status, String accessToken) {}

  /**
   * Which procedure an application starts: a first filing, or one of the procedures after filing (renewal, scope
   * change) that run the same acceptance, expert review and decision for the institution {@code targetFilingCode}.
   *
   * @param quotaCheck warn the officer about the occupation quota of 002 Annex 1 §二(四)
   */
  public record Procedure(String processKey, String kind, String targetFilingCode, boolean quotaCheck,
      boolean filesRequired, Map<String, Object> variables) {
    public static final String FILING_KIND = "FILING";
    public static final Procedure FILING = new Procedure(FilingProcess.KEY, FILING_KIND, null, true, true, Map.of());

    public Procedure {
      variables = Map.copyOf(variables);
    }
  }

  // ------------------------------------------------------------------ intake

  /** Checks, stores and starts the process in one transaction; a refusal or failure leaves nothing behind. */
  public Submission submit(FilingApplication application, List<MultipartFile> files) {
    return submit(application, files, submission -> { });
  }

  /**
   * The same, and {@code first} runs first in the transaction that stores the application, with the answer the
   * applicant will get (the controller records it for its Idempotency-Key): it commits or rolls back with it.
   */
  public Submission submit(FilingApplication application, List<MultipartFile> files,
      java.util.function.Consumer<Submission> first) {
    return submit(Procedure.FILING, application, files, first);
  }

  /**
   * The same for any procedure that runs on a filing application (renewal, scope change): one open application per
   * credit code, so a second one for the same institution is refused (409) even when both arrive at once.
   */
  public Submission submit(Procedure procedure, FilingApplication application, List<MultipartFile> files,
      java.util.function.Consumer<Submission> first) {
    return submit(procedure, application, files, null, first);
  }

  /**
   * The same with the item of each file given by the caller ({@code /apply}: one upload per item) instead of the
   * application's {@code materials} list; null: from that list.
   */
  Submission submit(Procedure procedure, FilingApplication application, List<MultipartFile> files,
      List<List<Integer>> fileItems,
      java.util.function.Consumer<Submission> first) {
    boolean firstFiling = Procedure.FILING_KIND.equals(procedure.kind());
    ApplicationValidator.check(application, firstFiling);
    if (firstFiling) {
      registration.checkCityCode(application);
    }
    List<MaterialStore.Checked> checked = materials.check(files, procedure.filesRequired());
    // Issue 19 item 3: a first filing tags each file with its item of the guidance's list (002 Annex 1 §一(八),
    // §二(八); 人社鉴发〔2019〕3号 §二1) and has every required one. Renewals and scope changes (004 Art. 22-23) list
    // no materials of their own: their files stay untagged.
    List<List<Integer>> items;
    if (!firstFiling) {
      items = java.util.Collections.nCopies(checked.size(), null);
    } else if (fileItems != null) {
      items = fileItems;
    } else {
      items = MaterialChecklist.tag(application.institutionType(), application.materials(),
          checked.stream().map(MaterialStore.Checked::fileName).toList(), !application.branches().isEmpty());
    }
    if (repository.hasOpenApplication(application.creditCode())) {
      throw duplicate(application.creditCode());
    }
    if (procedure.quotaCheck() && properties.quotaEnforced()) {
      // 002 Annex 1 §二(四): refused at intake when the jurisdiction's places are taken by filed and pending
      // organisations (README "Quota"); checked again at the decision (FilingCompletionRule).
      List<FilingRegistration.QuotaReached> reached = registration.quotaReached(application, null, true);
      if (!reached.isEmpty()) {
        throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, FilingTexts.text("quota.title"),
            FilingTexts.text("quota.detail"), reached.stream().map(r -> new FieldError(
                "occupations[" + r.index() + "].code", registration.quotaText(r))).toList());
      }
    }
    String quotaWarning = procedure.quotaCheck() ? registration.quotaWarning(application) : null;
    String token = newToken();
    List<MaterialStore.Stored> written = new ArrayList<>();
    String[] number = new String[1];
    try {
      // The number is drawn in a short transaction of its own: drawn inside the long one below, the counter row
      // stayed locked until the process had started, so concurrent submissions queued behind each other (and H2
      // gave up after its 2 s lock timeout: a 500). A submission that fails after this leaves a gap in the numbers.
      String applicationNo = transaction.execute(status -> nextApplicationNo());
      transaction.executeWithoutResult(status -> {
        number[0] = applicationNo;
        first.accept(new Submission(applicationNo, FilingStatus.ACCEPTANCE_REVIEW, token));
        written.addAll(materials.store(applicationNo, checked));
        repository.insert(applicationNo, application, hash(token), quotaWarning, procedure.kind(),
            procedure.targetFilingCode());
        repository.addMaterials(applicationNo, 1, written, items);
        repository.insertBranches(applicationNo, application.branches());
        repository.addStep(applicationNo, "SUBMITTED", application.name(), null, null);
        Map<String, Object> variables = startVariables(applicationNo, application, quotaWarning);
        variables.putAll(procedure.variables());
        // Issue 19 item 6: the processes that hear the applicant before a refusal (the decision form says so).
        variables.put(FilingProcess.Vars.HEARING_BEFORE_REFUSAL,
            FilingProcess.HEARING_KEYS.contains(procedure.processKey()));
        if (procedure.targetFilingCode() != null) {
          variables.put(FilingProcess.Vars.FILING_CODE, procedure.targetFilingCode());
        }
        String instanceId = runtime.startProcessInstanceByKey(procedure.processKey(), applicationNo, variables).getId();
        // README "Jurisdiction": the officers and managers of the accepting province read this instance.
        grants.grantRead(instanceId, Jurisdiction.provincialReaders(Jurisdiction.caseType(application),
            application.province(), List.of()));
      });
    } catch (DuplicateKeyException e) {
      cleanUp(number[0], written);
      throw duplicate(application.creditCode());
    } catch (RuntimeException e) {
      cleanUp(number[0], written);
      throw e;
    }
    return new Submission(number[0], FilingStatus.ACCEPTANCE_REVIEW, token);
  }

  /** The kind of an application that adds a branch to a filed employer (issue 19 item 9). */
  public static final String BRANCH_KIND = "BRANCH";

  /**
   * Issue 19 item 9: a filed employer adds a branch later (人社鉴发〔2019〕3号 §一5; 002 Annex 1 §一(十)5). The branch
   * application is stored as an application of its own (kind {@code BRANCH}, the employer's data with this one branch
   * as branch 1, files tagged with the three materials of 3号 §一5) under the employer's credit code, so the rule of
   * one open procedure per institution holds (a second one, even at the same moment, → 409). It starts
   * {@code BranchFilingProcess} with the branch application's own number as business key (never of the form
   * {@code <applicationNo>-B<n>} of the branches declared in a filing).
   */
  public Submission submitLaterBranch(String filingCode, FilingApplication employer, FilingApplication.Branch branch,
      List<FilingApplication.MaterialRef> refs, List<MultipartFile> files,
      java.util.function.Consumer<Submission> first) {
    ApplicationValidator.checkLaterBranch(branch);
    registration.checkLaterBranchCityCode(branch);
    List<MaterialStore.Checked> checked = materials.check(files, true);
    List<List<Integer>> items = MaterialChecklist.tag(MaterialChecklist.BRANCH, refs == null ? List.of() : refs,
        checked.stream().map(MaterialStore.Checked::fileName).toList(), false);
    FilingApplication application = new FilingApplication(employer.institutionType(), employer.name(),
        employer.creditCode(), employer.organisationForm(), employer.legalRepresentative(), employer.province(),
        employer.address(), employer.contact(), employer.occupations(), List.of(branch), employer.declarations(),
        employer.parentCreditCode(), employer.relatedCreditCodes(), employer.conditions(),
        refs == null ? List.of() : refs);
    if (repository.hasOpenApplication(application.creditCode())) {
      throw duplicate(application.creditCode());
    }
    String token = newToken();
    List<MaterialStore.Stored> written = new ArrayList<>();
    String[] number = new String[1];
    try {
      String applicationNo = transaction.execute(status -> nextApplicationNo());
      transaction.executeWithoutResult(status -> {
        number[0] = applicationNo;
        first.accept(new Submission(applicationNo, FilingStatus.ACCEPTANCE_REVIEW, token));
        written.addAll(materials.store(applicationNo, checked));
        repository.insert(applicationNo, application, hash(token), null, BRANCH_KIND, filingCode);
        repository.addMaterials(applicationNo, 1, written, items);
        repository.insertBranches(applicationNo, application.branches());
        repository.addStep(applicationNo, "SUBMITTED", application.name(), null, branch.name());
        Map<String, Object> variables = new HashMap<>();
        variables.put(FilingProcess.Vars.APPLICATION_NO, applicationNo);
        variables.put(FilingProcess.Vars.BRANCH_INDEX, 1);
        variables.put(FilingProcess.Vars.PARENT_FILING_CODE, filingCode);
        variables.put(FilingProcess.Vars.APPLICANT_EMAIL, application.contact().email());
        variables.put(FilingProcess.Vars.LATER_BRANCH, true);
        // Business key: the branch application's own number (README "Branches added after filing").
        runtime.startProcessInstanceByKey(FilingProcess.BRANCH_KEY, applicationNo, variables);
      });
    } catch (DuplicateKeyException e) {
      cleanUp(number[0], written);
      throw duplicate(application.creditCode());
    } catch (RuntimeException e) {
      cleanUp(number[0], written);
      throw e;
    }
    return new Submission(number[0], FilingStatus.ACCEPTANCE_REVIEW, token);
  }

  private void cleanUp(String applicationNo, List<MaterialStore.Stored> written) {
    if (applicationNo != null) {
      materials.delete(applicationNo, written);
    }
  }

  private static ApiProblem duplicate(String creditCode) {
    return ApiProblem.conflict("统一社会信用代码 " + creditCode + " 已有一件正在办理的备案申请，请勿重复申请。");
  }

  private Map<String, Object> startVariables(String applicationNo, FilingApplication application, String quotaWarning) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(FilingProcess.Vars.APPLICATION_NO, applicationNo);
    variables.put(FilingProcess.Vars.INSTITUTION_TYPE, application.institutionType());
    variables.put(FilingProcess.Vars.APPLICANT_NAME, application.name());
    variables.put(FilingProcess.Vars.APPLICANT_EMAIL, application.contact().email());
    // DOMAIN.md §1, CONTRACT.md "Jurisdiction": the ministry accepts and decides for national employers, the
    // department of the applicant's province otherwise (the rules and their sources: Jurisdiction).
    variables.put(FilingProcess.Vars.ACCEPTING_GROUP,
        Jurisdiction.acceptingGroup(Jurisdiction.caseType(application), application.province()));
    variables.put(FilingProcess.Vars.DECIDING_GROUP,
        Jurisdiction.decidingGroup(Jurisdiction.caseType(application), application.province()));
    variables.put(FilingProcess.Vars.QUOTA_EXCEEDED, quotaWarning != null);
    variables.put(FilingProcess.Vars.QUOTA_WARNING, quotaWarning == null ? "" : quotaWarning);
    variables.put(FilingProcess.Vars.BRANCH_COUNT, application.branches().size());
    variables.put(FilingProcess.Vars.BRANCH_INDEXES, jsonList(IntStream.rangeClosed(1, application.branches().size())
        .boxed().toList()));
    variables.put(FilingProcess.Vars.APPLICATION_SUMMARY, FilingDisplay.summary(applicationNo, application));
    // Issue 19 item 4: occupations without a known national standard or registered norm, for the officer to check.
    String occupationNotes = catalogue.standardNotes(application.occupations());
    variables.put(FilingProcess.Vars.OCCUPATION_FLAGGED, !occupationNotes.isEmpty());
    variables.put(FilingProcess.Vars.OCCUPATION_NOTES, occupationNotes);
    variables.put(FilingProcess.Vars.MATERIALS_MARKDOWN, FilingDisplay.materials(applicationNo,
        application.institutionType(), repository.materials(applicationNo)));
    return variables;
  }

  static ObjectValue jsonList(List<?> values) {
    return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  private String nextApplicationNo() {
    int year = Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(CHINA).getYear();
    return "BA" + year + String.format("%06d", repository.next("APPLICATION"));
  }

  // ------------------------------------------------------------------ access

  /** The application if {@code bearerToken} is its access token; compared in constant time. */
  public boolean tokenMatches(String applicationNo, String bearerToken) {
    StoredApplication application = find(applicationNo).orElse(null);
    return application != null && bearerToken != null && MessageDigest.isEqual(
        application.tokenHash().getBytes(StandardCharsets.US_ASCII), hash(bearerToken).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Issue 19 item 6: who may state the applicant's case. The token of the application itself, or, for a renewal or
   * scope change of a filed institution, the institution's own token (that of the application that filed it, with
   * which it signs in to its area and submitted the renewal or change).
   */
  public boolean statementTokenMatches(String applicationNo, String bearerToken) {
    if (tokenMatches(applicationNo, bearerToken)) {
      return true;
    }
    StoredApplication application = find(applicationNo).orElse(null);
    if (application == null || application.targetFilingCode() == null || bearerToken == null) {
      return false;
    }
    return registration.filingApplicationNo(application.targetFilingCode())
        .filter(no -> !no.equals(applicationNo)).map(no -> tokenMatches(no, bearerToken)).orElse(false);
  }

  /**
   * The application, if {@code caller} works in its jurisdiction (README "Jurisdiction"); another province's case is
   * answered 404 as if it did not exist, so its number reveals nothing.
   */
  public StoredApplication requireInJurisdiction(String applicationNo, cn.hrss.assessment.identity.Caller caller) {
    StoredApplication application = require(applicationNo);
    List<String> branchProvinces = repository.branches(applicationNo).stream()
        .map(FilingRepository.BranchRow::province).toList();
    if (!Jurisdiction.mayRead(caller, Jurisdiction.caseType(application.institutionType(), application.application()),
        application.province(), branchProvinces)) {
      throw ApiProblem.notFound("备案申请 " + applicationNo + " 不存在。");
    }
    return application;
  }

  /**
   * The refusal of an approval that would exceed the quota of 002 Annex 1 §二(四) (organisations filed and in force
   * in the accepting province), or null: the deciding officer cannot approve the fourth.
   */
  String quotaRefusalAtDecision(String applicationNo) {
    StoredApplication application = find(applicationNo).orElse(null);
    if (!properties.quotaEnforced() || application == null || application.application() == null
        || !Procedure.FILING_KIND.equals(application.kind())) {
      return null;
    }
    List<FilingRegistration.QuotaReached> reached = registration.quotaReached(application.application(), applicationNo,
        false);
    return reached.isEmpty() ? null
        : String.join("；", reached.stream().map(registration::quotaTextAtDecision).toList()) + FilingTexts.text("quota.decide");
  }

  public StoredApplication require(String applicationNo) {
    return find(applicationNo)
        .orElseThrow(() -> ApiProblem.notFound("备案申请 " + applicationNo + " 不存在。"));
  }

  /** No application number holds a control character; PostgreSQL could not even query one with a NUL (500). */
  private java.util.Optional<StoredApplication> find(String applicationNo) {
    return applicationNo == null || PlainText.hasControlCharacters(applicationNo) ? java.util.Optional.empty()
        : repository.find(applicationNo);
  }

  // ------------------------------------------------------------------ after filing (renewal, changes, termination)

  /** Open renewals and changes of the institution {@code filingCode}, by application number. */
  /**
   * A branch application after filing as the institution's area lists it (issue 19 item 9). {@code status}: PENDING
   * (in technical review), FILED (code assigned), REJECTED (with {@code comment}), or WITHDRAWN when its application
   * was closed otherwise (e.g. by the employer's termination).
   */
  public record LaterBranchApplication(String applicationNo, Instant submittedAt, String name, String province,
      String cityCode, String status, String comment, String filingCode) {}

  public List<LaterBranchApplication> laterBranchApplications(String filingCode) {
    return repository.laterBranches(filingCode).stream().map(r -> new LaterBranchApplication(r.applicationNo(),
        r.submittedAt(), r.name(), r.province(), r.cityCode(),
        "FILED".equals(r.branchStatus()) || "REJECTED".equals(r.branchStatus()) ? r.branchStatus()
            : FilingStatus.valueOf(r.applicationStatus()).isClosed() ? "WITHDRAWN" : "PENDING",
        r.comment(), r.filingCode())).toList();
  }

  /**
   * The field checks of a branch added after filing (as {@code POST /api/institutions/{code}/branches} makes them),
   * for a page that reports them together with its own: field errors under {@code application.}.
   */
  public void checkLaterBranch(FilingApplication.Branch branch) {
    ApplicationValidator.checkLaterBranch(branch);
    registration.checkLaterBranchCityCode(branch);
  }

  public List<String> openApplicationsFor(String filingCode) {
    return repository.openApplicationsFor(filingCode);
  }

  /**
   * A filing event of an application, for the institution's record: what, when, which number.
   *
   * @param closedAt when it was closed (its last step), null while open
   */
  public record Event(String applicationNo, String kind, Instant submittedAt, String status, String stage,
      Instant filedAt, String receiptNo, String decisionReason, Instant closedAt) {}

  /** The filing application of the institution and its renewals and changes, oldest first. */
  public List<Event> eventsFor(String filingCode) {
    return repository.applicationsFor(filingCode).stream().map(a -> {
      List<FilingRepository.Step> steps = repository.history(a.applicationNo());
      Instant closedAt = a.status().isClosed() && !steps.isEmpty() ? steps.get(steps.size() - 1).at() : null;
      return new Event(a.applicationNo(), a.kind(), a.submittedAt(), a.status().name(), a.status().stage(),
          a.filedAt(), a.receiptNo(), a.decisionReason(), closedAt);
    }).toList();
  }

  /**
   * A renewal or change approved and entered in the registry: the application gets its receipt number, the
   * institution's code and validity, status FILED. Idempotent (a retried job gets the receipt number already issued).
   */
  public String recordApproval(String applicationNo, String filingCode, java.time.LocalDate validUntil, String step) {
    StoredApplication application = repository.get(applicationNo);
    if (application.receiptNo() != null) {
      return application.receiptNo();
    }
    String receiptNo = nextReceiptNo();
    repository.recordFiling(applicationNo, filingCode, receiptNo, validUntil);
    repository.updateStatus(applicationNo, FilingStatus.FILED);
    repository.addStep(applicationNo, step, null, filingCode, null);
    return receiptNo;
  }

  /**
   * The institution's data as last filed, renewed or changed (the newest approved application about it; a branch:
   * its employer's), or null when no application of this system filed it.
   */
  public FilingApplication currentData(String filingCode) {
    return repository.applicationsFor(filingCode).stream()
        .filter(a -> a.status() == FilingStatus.FILED && !BRANCH_KIND.equals(a.kind()))
        .reduce((first, second) -> second)
        .map(StoredApplication::application).orElse(null);
  }

  /**
   * An officer's decision on a renewal or change task (complete listener, same transaction as the completion): the
   * step in the application's history; a refusal closes the application as REJECTED with its reason.
   */
  public void recordReview(String applicationNo, String step, String user, String decision, String comment,
      boolean refused) {
    repository.addStep(applicationNo, step, user, decision, comment);
    if (refused) {
      repository.recordDecision(applicationNo, decision, comment);
      repository.updateStatus(applicationNo, FilingStatus.REJECTED);
    } else {
      repository.updateStatus(applicationNo, FilingStatus.DECISION);
    }
  }

  /** The data submitted with an application. */
  public FilingApplication applicationOf(String applicationNo) {
    return require(applicationNo).application();
  }

  /** 002 Annex 1 §二(四): the quota warning for these data (social organisations only), or null. */
  public String quotaWarning(FilingApplication application) {
    return registration.quotaWarning(application);
  }

  /** The day (Beijing time) the application was submitted. */
  public java.time.LocalDate submittedOn(String applicationNo) {
    return repository.get(applicationNo).submittedAt().atZone(CHINA).toLocalDate();
  }

  /** The receipt number once approved, else null. */
  public String receiptNoOf(String applicationNo) {
    return repository.get(applicationNo).receiptNo();
  }

  /**
   * An open renewal or change withdrawn because the institution's filing ended (004 Art. 24): the process is
   * deleted, the application closed as WITHDRAWN with the reason in its history. Runs in the caller's transaction.
   */
  public void withdrawBecause(String applicationNo, String reason) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
        .processDefinitionKeyIn(FilingProcess.APPLICATION_KEYS.toArray(String[]::new)).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), reason, true, true));
    repository.recordDecision(applicationNo, "WITHDRAWN", reason);
    repository.updateStatus(applicationNo, FilingStatus.WITHDRAWN);
    repository.addStep(applicationNo, "WITHDRAWN_BY_TERMINATION", null, null, reason);
  }

  // ------------------------------------------------------------------ supplements

  /** 补正: accepted only while a supplement is requested (CONTRACT.md: 409 otherwise). */
  public void supplement(String applicationNo, List<MultipartFile> files, String note) {
    StoredApplication application = require(applicationNo);
    if (application.status() != FilingStatus.SUPPLEMENT_REQUESTED) {
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 当前为“" + application.status().stage()
          + "”，未要求补正材料。");
    }
    List<MaterialStore.Checked> checked = materials.check(files, note == null || note.isBlank());
    if (note != null && note.length() > 4000) {
      throw ApiProblem.invalid("note", "说明不能超过 4000 个字符");
    }
    if (PlainText.hasControlCharacters(note)) {
      throw ApiProblem.invalid("note", PlainText.CONTROL_CHARACTERS);
    }
    List<MaterialStore.Stored> written = new ArrayList<>();
    try {
      transaction.executeWithoutResult(status -> {
        written.addAll(materials.store(applicationNo, checked));
        repository.addMaterials(applicationNo, repository.lastSubmission(applicationNo) + 1, written);
        repository.addStep(applicationNo, "SUPPLEMENT_SUBMITTED", application.name(), null, note);
        repository.updateStatus(applicationNo, FilingStatus.ACCEPTANCE_REVIEW);
        runtime.createMessageCorrelation(FilingProcess.Messages.SUPPLEMENT_SUBMITTED)
            .processInstanceBusinessKey(applicationNo)
            .setVariable(FilingProcess.Vars.MATERIALS_MARKDOWN,
                FilingDisplay.materials(applicationNo, application.application().institutionType(),
                    repository.materials(applicationNo)))
            .correlate();
      });
    } catch (MismatchingMessageCorrelationException e) {
      materials.delete(applicationNo, written);
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 当前不接收补正材料。");
    } catch (RuntimeException e) {
      materials.delete(applicationNo, written);
      throw e;
    }
  }

  // ------------------------------------------------------------------ public notice and objections

  public List<StoredApplication> openNotices() {
    return repository.openNotices();
  }

  /** An objection during the notice period (002 Annex 1 §二(十)4); after it closed → 409, checked before correlating. */
  public long object(String applicationNo, String name, String contact, String content) {
    StoredApplication application = require(applicationNo);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (application.noticeOpenedAt() == null) {
      throw ApiProblem.notFound("备案申请 " + applicationNo + " 没有公示。");
    }
    if (application.status() != FilingStatus.PUBLIC_NOTICE || application.noticeClosed()
        || !now.isBefore(application.noticeClosesAt())) {
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 的公示已结束，不再接收异议。");
    }
    List<FieldError> errors = new ArrayList<>();
    required(errors, "name", name, 100);
    required(errors, "contact", contact, 200);
    required(errors, "content", content, 4000);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    Long id;
    try {
      id = transaction.execute(status -> {
      long objectionId = repository.addObjection(applicationNo, name, contact, content);
      repository.addStep(applicationNo, "OBJECTION_RECEIVED", null, null, null);
      runtime.createMessageCorrelation(FilingProcess.Messages.OBJECTION_RECEIVED)
          .processInstanceBusinessKey(applicationNo)
          .setVariable(FilingProcess.Vars.OBJECTION_ID, objectionId)
          .setVariable(FilingProcess.Vars.OBJECTION_CONTENT, FilingTexts.text("objection.display", name, contact, content))
          .correlate();
      return objectionId;
      });
    } catch (MismatchingMessageCorrelationException e) {
      // The notice closed between the check and the correlation: the objection was not stored (rolled back).
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 的公示已结束，不再接收异议。");
    }
    return id;
  }

  private static void required(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "必填"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (PlainText.hasControlCharacters(value)) {
      errors.add(new FieldError(field, PlainText.CONTROL_CHARACTERS));
    }
  }

  // ------------------------------------------------------------------ called by the processes

  void enterStage(String applicationNo, FilingStatus status) {
    repository.updateStatus(applicationNo, status);
  }

  void recordAcceptance(String applicationNo, String user, String decision, String comment) {
    repository.addStep(applicationNo, FilingProcess.Elements.REVIEW_COMPLETENESS, user, decision, comment);
    if (FilingProcess.Values.REJECT.equals(decision)) {
      repository.recordDecision(applicationNo, "NOT_ACCEPTED", comment);
      repository.updateStatus(applicationNo, FilingStatus.NOT_ACCEPTED);
    } else if (FilingProcess.Values.ACCEPT.equals(decision)) {
      repository.updateStatus(applicationNo, FilingStatus.EXPERT_REVIEW);
    }
  }

  /** Issue 19 item 11: the officer's phone call to the applicant (002 Annex 1 §一(十)2, §一(十四)) in the history. */
  void recordPhoneCall(String applicationNo, String user, String at, String outcome, String note) {
    java.time.OffsetDateTime time = PhoneCalls.parse(at);
    String when = time == null ? at : time.atZoneSameInstant(CHINA).toLocalDateTime().toString().replace('T', ' ');
    repository.addStep(applicationNo, "PHONE_CALL", user, outcome,
        FilingTexts.text("phoneCall." + outcome, when) + (note == null || note.isBlank() ? "" : "；" + note));
  }

  List<String> drawPanel(String applicationNo) {
    StoredApplication application = repository.get(applicationNo);
    List<String> experts = identity.createUserQuery().memberOfGroup(Groups.EXPERTS).list().stream().map(User::getId).toList();
    // Issue 19 item 7: conflicts with the applicant, its branches, its parent and its sister organisations.
    FilingApplication data = application.application();
    List<String> codes = data == null ? List.of(application.creditCode()) : data.groupCreditCodes();
    List<String> names = new ArrayList<>();
    names.add(application.name());
    if (data != null) {
      data.branches().stream().map(FilingApplication.Branch::name).forEach(names::add);
    }
    ExpertPanel.Draw draw = ExpertPanel.draw(experts, repository.expertProfiles(), codes, names,
        properties.panelSize(), random());
    repository.savePanelDraw(applicationNo, draw);
    repository.addStep(applicationNo, "PANEL_DRAWN", null, null,
        "专家组：" + String.join("、", draw.panel()) + (draw.excluded().isEmpty() ? "" : "；因利益冲突回避：" + String.join("、", draw.excluded())));
    repository.updateStatus(applicationNo, FilingStatus.EXPERT_REVIEW);
    return draw.panel();
  }

  /** E-mail addresses of the members of {@code group} that have one. */
  List<String> memberEmails(String group) {
    return group == null ? List.of() : identity.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
  }

  /** The draw found too few experts: recorded in the case's history (the process waits and draws again). */
  void recordPanelWait(String applicationNo, ExpertPanel.Draw draw) {
    repository.addStep(applicationNo, "PANEL_WAITING", null, null, FilingTexts.text("panel.waiting",
        draw.eligible().size(), ExpertPanel.MINIMUM_SIZE, String.join("、", draw.excluded())));
  }

  Random random() {
    return random;
  }

  void recordOpinion(String applicationNo, String expert, String opinion, String comment) {
    repository.saveOpinion(applicationNo, expert, opinion, comment);
    repository.addStep(applicationNo, FilingProcess.Elements.EXPERT_REVIEW, expert, opinion, comment);
  }

  /** Majority of the drawn panel says PASS → passed; otherwise the application ends as REVIEW_FAILED. */
  boolean tally(String applicationNo) {
    return tally(applicationNo, false) == null;
  }

  /**
   * The tally; null when the review passed, else the reasons (the summary and the failing experts' comments).
   *
   * @param heard whether a failed review is first heard (issue 19 item 6: it is an intended refusal, told to the
   *     applicant with these reasons, 002 Annex 1 §一(十五), §二(十一)); then nothing is decided here and the deciding
   *     task decides after the hearing. Otherwise the application ends here as REVIEW_FAILED.
   */
  String tally(String applicationNo, boolean heard) {
    List<String> panel = repository.panelDraw(applicationNo).map(FilingRepository.PanelDraw::panel).orElse(List.of());
    List<FilingRepository.Opinion> opinions = repository.opinions(applicationNo).stream()
        .filter(o -> panel.contains(o.expertId())).toList();
    boolean passed = ExpertPanel.passes(opinions.stream().map(FilingRepository.Opinion::opinion).toList(), panel.size());
    long pass = opinions.stream().filter(o -> FilingProcess.Values.PASS.equals(o.opinion())).count();
    String summary = FilingTexts.text("review.summary", panel.size(), pass, opinions.size() - pass,
        passed ? "通过" : "未通过");
    repository.addStep(applicationNo, "REVIEW_TALLIED", null, passed ? FilingProcess.Values.PASS : FilingProcess.Values.FAIL,
        summary);
    if (passed) {
      return null;
    }
    String reasons = String.join("；", opinions.stream()
        .filter(o -> FilingProcess.Values.FAIL.equals(o.opinion())).map(FilingRepository.Opinion::comment).toList());
    if (!heard) {
      repository.recordDecision(applicationNo, "REVIEW_FAILED", summary + reasons);
      repository.updateStatus(applicationNo, FilingStatus.REVIEW_FAILED);
    }
    return FilingTexts.text("review.failedReason", summary, reasons);
  }

  void openNotice(String applicationNo, Date closesAt) {
    repository.openNotice(applicationNo, closesAt.toInstant());
    repository.updateStatus(applicationNo, FilingStatus.PUBLIC_NOTICE);
    repository.addStep(applicationNo, "NOTICE_PUBLISHED", null, null, null);
  }

  void closeNotice(String applicationNo) {
    repository.closeNotice(applicationNo);
    repository.addStep(applicationNo, "NOTICE_CLOSED", null, null, null);
  }

  void recordObjectionDecision(String applicationNo, long objectionId, boolean upheld, String response, String user) {
    repository.decideObjection(objectionId, upheld, response, user);
    repository.addStep(applicationNo, FilingProcess.Elements.REVIEW_OBJECTION, user, upheld ? "UPHELD" : "DISMISSED", response);
    if (upheld) {
      // Issue 19 item 6: no refusal yet; the applicant is told the reasons and heard first, then the decision.
      repository.closeNotice(applicationNo);
    }
  }

  /**
   * @param hearingHeld whether the applicant was told the reasons and could state its case: a REJECT before that is
   *     only an intended refusal (issue 19 item 6), recorded as REFUSAL_INTENDED, and the hearing follows
   */
  void recordFilingDecision(String applicationNo, String user, String decision, String comment, boolean hearingHeld) {
    boolean intended = FilingProcess.Values.REJECT.equals(decision) && !hearingHeld;
    repository.addStep(applicationNo, FilingProcess.Elements.DECIDE_FILING, user, intended ? "REFUSAL_INTENDED" : decision,
        comment);
    if (intended) {
      return;
    }
    repository.recordDecision(applicationNo, decision, comment);
    if (FilingProcess.Values.REJECT.equals(decision)) {
      repository.updateStatus(applicationNo, FilingStatus.REJECTED);
    }
  }

  /** Issue 19 item 6: the hearing opens (the notice with the reasons is sent; status HEARING, see FilingStageListener). */
  void openHearing(String applicationNo, String reason, Date dueAt) {
    repository.updateStatus(applicationNo, FilingStatus.HEARING);
    repository.addStep(applicationNo, "HEARING_OPENED", null, null,
        FilingTexts.text("hearing.opened", dueAt == null ? "" : dueAt.toInstant().atZone(CHINA).toLocalDate().toString(),
            reason == null ? "" : reason));
  }

  /** The window closed without a statement: recorded, and the decision follows. */
  void closeHearingWithoutStatement(String applicationNo) {
    repository.addStep(applicationNo, "STATEMENT_WINDOW_CLOSED", null, null, null);
    repository.updateStatus(applicationNo, FilingStatus.DECISION);
  }

  /**
   * 陈述 (issue 19 item 6): the applicant's statement, only while the hearing is open (409 otherwise); the deciding
   * task shows it. Checked before anything is stored.
   */
  public String state(String applicationNo, String content) {
    BranchHearing branch = branchHearing(applicationNo);
    if (branch != null) {
      stateForBranch(branch, content);
      return branch.laterBranch() ? require(branch.applicationNo()).status().name() : FilingStatus.DECISION.name();
    }
    StoredApplication application = require(applicationNo);
    if (application.status() != FilingStatus.HEARING) {
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 当前为“" + application.status().stage()
          + "”，不在陈述期间，不接收陈述意见。");
    }
    List<FieldError> errors = new ArrayList<>();
    required(errors, "content", content, 4000);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    try {
      transaction.executeWithoutResult(status -> {
        repository.addStep(applicationNo, "STATEMENT_SUBMITTED", application.name(), null, content);
        repository.updateStatus(applicationNo, FilingStatus.DECISION);
        runtime.createMessageCorrelation(FilingProcess.Messages.STATEMENT_SUBMITTED)
            .processInstanceBusinessKey(applicationNo)
            .setVariable(FilingProcess.Vars.APPLICANT_STATEMENT, content)
            .correlate();
      });
    } catch (MismatchingMessageCorrelationException e) {
      // The window closed between the check and the correlation: nothing stored (rolled back).
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 的陈述期限已届满，不再接收陈述意见。");
    }
    return require(applicationNo).status().name();
  }

  /** Business key of a branch declared in a first filing: {@code <applicationNo>-B<index>} (submit, Task_FileBranches). */
  private static final java.util.regex.Pattern DECLARED_BRANCH_KEY = java.util.regex.Pattern.compile("(.+)-B(\\d{1,3})");

  /**
   * Issue 19 item 6 for branches: a statement number that names a branch review ({@code BranchFilingProcess}).
   * @param key the business key of the branch process: {@code <applicationNo>-B<index>}, or a later branch's own number
   * @param applicationNo the application the branch belongs to (its steps record the hearing; its token, or the
   *     institution's, may state the case)
   */
  record BranchHearing(String key, String applicationNo, int index, boolean laterBranch) {}

  /** The branch hearing {@code statementNo} names, or null when it is an ordinary application number. */
  BranchHearing branchHearing(String statementNo) {
    if (statementNo == null) {
      return null;
    }
    java.util.regex.Matcher declared = DECLARED_BRANCH_KEY.matcher(statementNo);
    if (declared.matches() && find(declared.group(1)).isPresent()) {
      return new BranchHearing(statementNo, declared.group(1), Integer.parseInt(declared.group(2)), false);
    }
    return find(statementNo).filter(a -> BRANCH_KIND.equals(a.kind()))
        .map(a -> new BranchHearing(statementNo, statementNo, 1, true)).orElse(null);
  }

  /** The application whose token (or the institution's) may state the case for {@code statementNo}. */
  public String statementOwner(String statementNo) {
    BranchHearing branch = branchHearing(statementNo);
    return branch == null ? statementNo : branch.applicationNo();
  }

  private void stateForBranch(BranchHearing branch, String content) {
    boolean open = runtime.createExecutionQuery().processDefinitionKey(FilingProcess.BRANCH_KEY)
        .processInstanceBusinessKey(branch.key()).activityId(FilingProcess.Elements.AWAIT_STATEMENT).count() > 0;
    if (!open) {
      throw ApiProblem.conflict("分支机构备案 " + branch.key() + " 不在陈述期间，不接收陈述意见。");
    }
    List<FieldError> errors = new ArrayList<>();
    required(errors, "content", content, 4000);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    StoredApplication application = require(branch.applicationNo());
    try {
      transaction.executeWithoutResult(status -> {
        repository.addStep(branch.applicationNo(), "STATEMENT_SUBMITTED", application.name(), null,
            FilingTexts.text("hearing.branch", branch.index(), content));
        if (branch.laterBranch()) {
          repository.updateStatus(branch.applicationNo(), FilingStatus.DECISION);
        }
        runtime.createMessageCorrelation(FilingProcess.Messages.STATEMENT_SUBMITTED)
            .processInstanceBusinessKey(branch.key())
            .setVariable(FilingProcess.Vars.APPLICANT_STATEMENT, content)
            .correlate();
      });
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiProblem.conflict("分支机构备案 " + branch.key() + " 的陈述期限已届满，不再接收陈述意见。");
    }
  }

  /**
   * Issue 19 item 6: a branch's hearing opens. Recorded on the application it belongs to; only a later branch (its own
   * application) takes the status HEARING — a declared branch's employer application is filed or decided on its own.
   */
  void openBranchHearing(String applicationNo, int index, String reason, Date dueAt) {
    if (BRANCH_KIND.equals(repository.get(applicationNo).kind())) {
      repository.updateStatus(applicationNo, FilingStatus.HEARING);
    }
    repository.addStep(applicationNo, "HEARING_OPENED", null, null, FilingTexts.text("hearing.branch", index,
        FilingTexts.text("hearing.opened", dueAt == null ? "" : dueAt.toInstant().atZone(CHINA).toLocalDate().toString(),
            reason == null ? "" : reason)));
  }

  /** A branch's window closed without a statement. */
  void closeBranchHearingWithoutStatement(String applicationNo, int index) {
    repository.addStep(applicationNo, "STATEMENT_WINDOW_CLOSED", null, null, FilingTexts.text("hearing.branch", index, ""));
    if (BRANCH_KIND.equals(repository.get(applicationNo).kind())) {
      repository.updateStatus(applicationNo, FilingStatus.DECISION);
    }
  }

  void withdraw(String applicationNo) {
    repository.recordDecision(applicationNo, "WITHDRAWN", null);
    repository.updateStatus(applicationNo, FilingStatus.WITHDRAWN);
    repository.addStep(applicationNo, "WITHDRAWN", null, null, null);
  }

  /** Registers the approved institution (idempotent: a retried job returns the code already issued). */
  FilingRegistration.Registered register(String applicationNo) {
    StoredApplication application = repository.get(applicationNo);
    if (application.filingCode() != null) {
      return new FilingRegistration.Registered(application.filingCode(), application.receiptNo(), application.validUntil());
    }
    FilingRegistration.Registered registered = registration.register(application, null, null);
    String receiptNo = nextReceiptNo();
    repository.recordFiling(applicationNo, registered.filingCode(), receiptNo, registered.validUntil());
    repository.updateStatus(applicationNo, FilingStatus.FILED);
    repository.addStep(applicationNo, "REGISTERED", null, registered.filingCode(), null);
    return new FilingRegistration.Registered(registered.filingCode(), receiptNo, registered.validUntil());
  }

  private String nextReceiptNo() {
    int year = Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(CHINA).getYear();
    return "HZ" + year + String.format("%06d", repository.next("RECEIPT"));
  }

  FilingRepository.BranchRow branch(String applicationNo, int index) {
    return repository.branch(applicationNo, index);
  }

  void recordBranchDecision(String applicationNo, int index, String user, String decision, String comment,
      boolean hearingHeld) {
    // Issue 19 item 6: a REJECT before the hearing is an intended refusal only; the branch stays under review.
    boolean intended = FilingProcess.Values.REJECT.equals(decision) && !hearingHeld;
    repository.addStep(applicationNo, FilingProcess.BranchElements.REVIEW_BRANCH, user,
        intended ? "REFUSAL_INTENDED" : decision,
        "分支机构 " + index + (comment == null || comment.isBlank() ? "" : "：" + comment));
    if (intended) {
      return;
    }
    repository.decideBranch(applicationNo, index, FilingProcess.Values.APPROVE.equals(decision) ? "APPROVED" : "REJECTED",
        comment);
    if (BRANCH_KIND.equals(repository.get(applicationNo).kind()) && !FilingProcess.Values.APPROVE.equals(decision)) {
      // A branch added after filing: its refusal closes its application (and frees the employer's credit code).
      repository.recordDecision(applicationNo, decision, comment);
      repository.updateStatus(applicationNo, FilingStatus.REJECTED);
    }
  }

  FilingRegistration.Registered registerBranch(String applicationNo, int index, String parentFilingCode) {
    FilingRepository.BranchRow branch = repository.branch(applicationNo, index);
    if (branch.filingCode() != null) {
      return new FilingRegistration.Registered(branch.filingCode(), branch.receiptNo(), null);
    }
    FilingRegistration.Registered registered = registration.register(repository.get(applicationNo), branch, parentFilingCode);
    String receiptNo = nextReceiptNo();
    repository.recordBranchFiling(applicationNo, index, registered.filingCode(), receiptNo);
    repository.addStep(applicationNo, "BRANCH_REGISTERED", null, registered.filingCode(), branch.name());
    if (BRANCH_KIND.equals(repository.get(applicationNo).kind())) {
      // A branch added after filing: registered, its application is closed as filed.
      repository.updateStatus(applicationNo, FilingStatus.FILED);
    }
    return new FilingRegistration.Registered(registered.filingCode(), receiptNo, registered.validUntil());
  }

  /** E-mail addresses of the members of {@code managers} (overdue reminders). */
  List<String> managerEmails() {
    return identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list().stream().map(User::getEmail)
        .filter(e -> e != null && !e.isBlank()).toList();
  }

  String provinceName(String code) {
    return Provinces.isValid(code) ? Provinces.name(code) : code;
  }

  // ------------------------------------------------------------------ tokens

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Only the SHA-256 of the token is stored. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
