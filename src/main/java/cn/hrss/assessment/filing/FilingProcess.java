package cn.hrss.assessment.filing;

/**
 * Process backing of {@code InstitutionFilingProcess} and {@code BranchFilingProcess} (the camunda-bpm-data idea of
 * STYLE.md): process keys, element ids, messages and variable names in one place. The names are fixed by
 * CONTRACT.md; tests assert against these constants.
 */
public final class FilingProcess {

  public static final String KEY = "InstitutionFilingProcess";
  public static final String BRANCH_KEY = "BranchFilingProcess";
  /** 004 Art. 23: renewal (延续) runs acceptance, expert review and decision on an application of its own. */
  public static final String RENEWAL_KEY = "InstitutionRenewalProcess";
  /** 004 Art. 22: a change of occupations or levels, evaluated under the filing conditions and procedure. */
  public static final String SCOPE_CHANGE_KEY = "InstitutionScopeChangeProcess";
  /** 004 Art. 21: a change of basic information, confirmed by an officer. */
  public static final String CHANGE_KEY = "InstitutionChangeProcess";
  /** Processes whose business key is an application number of {@code filing_application}. */
  /**
   * Issue 19 item 6: the processes whose refusals are heard first (陈述, 002 Annex 1 §一(十五), §二(十一)): a REJECT on
   * Task_DecideFiling before the hearing is only an intended refusal.
   */
  public static final java.util.List<String> HEARING_KEYS = java.util.List.of(KEY, RENEWAL_KEY, SCOPE_CHANGE_KEY);

  /**
   * Of those, the processes in which a failed technical review is an intended refusal too, heard first (all of them:
   * 002 Annex 1 §一(十)4 files only "通过技术评审的申报机构", so failing it refuses the filing; 004 Art. 22, 23).
   */
  public static final java.util.List<String> REVIEW_HEARING_KEYS = java.util.List.of(KEY, RENEWAL_KEY, SCOPE_CHANGE_KEY);

  public static final java.util.List<String> APPLICATION_KEYS =
      java.util.List.of(KEY, RENEWAL_KEY, SCOPE_CHANGE_KEY, CHANGE_KEY);

  /** Element ids of InstitutionFilingProcess. */
  public static final class Elements {
    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String REVIEW_COMPLETENESS = "Task_ReviewCompleteness";
    public static final String ACCEPTANCE_OVERDUE = "Boundary_AcceptanceOverdue";
    public static final String SEND_OVERDUE_REMINDER = "Task_SendOverdueReminder";
    public static final String OVERDUE_REMINDED = "EndEvent_OverdueReminded";
    public static final String ACCEPTANCE_DECISION = "Gateway_AcceptanceDecision";
    public static final String SEND_SUPPLEMENT_NOTICE = "Task_SendSupplementNotice";
    public static final String AWAIT_SUPPLEMENT = "Task_AwaitSupplement";
    public static final String SUPPLEMENT_OVERDUE = "Boundary_SupplementOverdue";
    public static final String WITHDRAW_APPLICATION = "Task_WithdrawApplication";
    public static final String SEND_WITHDRAWAL_NOTICE = "Task_SendWithdrawalNotice";
    public static final String APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
    public static final String SEND_NON_ACCEPTANCE_NOTICE = "Task_SendNonAcceptanceNotice";
    public static final String APPLICATION_NOT_ACCEPTED = "EndEvent_ApplicationNotAccepted";
    public static final String SEND_ACCEPTANCE_NOTICE = "Task_SendAcceptanceNotice";
    public static final String DRAW_EXPERT_PANEL = "Task_DrawExpertPanel";
    public static final String EXPERT_REVIEW = "Task_ExpertReview";
    public static final String TALLY_EXPERT_OPINIONS = "Task_TallyExpertOpinions";
    public static final String PUBLIC_NOTICE = "SubProcess_PublicNotice";
    public static final String PUBLISH_NOTICE = "Task_PublishNotice";
    public static final String PUBLIC_NOTICE_PERIOD_ENDED = "Event_PublicNoticePeriodEnded";
    public static final String CLOSE_NOTICE = "Task_CloseNotice";
    public static final String OBJECTION = "SubProcess_Objection";
    public static final String REVIEW_OBJECTION = "Task_ReviewObjection";
    public static final String OBJECTION_DISMISSED = "EndEvent_ObjectionDismissed";
    public static final String OBJECTION_UPHELD = "Boundary_ObjectionUpheld";
    /** Issue 19 item 6: the hearing before any refusal (陈述权、知情权, 002 Annex 1 §一(十五), §二(十一)). */
    public static final String HEARING_JOIN = "Gateway_HearingJoin";
    public static final String SEND_INTENDED_REFUSAL_NOTICE = "Task_SendIntendedRefusalNotice";
    public static final String AWAIT_STATEMENT = "Task_AwaitStatement";
    public static final String STATEMENT_WINDOW_CLOSED = "Boundary_StatementWindowClosed";
    public static final String STATEMENT_JOIN = "Gateway_StatementJoin";
    public static final String DECIDE_FILING = "Task_DecideFiling";
    public static final String SEND_FILING_REJECTED_NOTICE = "Task_SendFilingRejectedNotice";
    public static final String FILING_REJECTED = "EndEvent_FilingRejected";
    public static final String REGISTER_INSTITUTION = "Task_RegisterInstitution";
    public static final String SEND_FILING_RECEIPT = "Task_SendFilingReceipt";
    public static final String FILE_BRANCHES = "Task_FileBranches";
    public static final String REPORT_FILING_UPWARDS = "Task_ReportFilingUpwards";
    public static final String INSTITUTION_FILED = "EndEvent_InstitutionFiled";

    private Elements() {}
  }

  /** Element ids of BranchFilingProcess. */
  public static final class BranchElements {
    public static final String START = "StartEvent_BranchSubmitted";
    public static final String REVIEW_BRANCH = "Task_ReviewBranch";
    public static final String REGISTER_BRANCH = "Task_RegisterBranch";
    public static final String SEND_BRANCH_RECEIPT = "Task_SendBranchReceipt";
    public static final String BRANCH_FILED = "EndEvent_BranchFiled";
    public static final String SEND_BRANCH_REJECTED_NOTICE = "Task_SendBranchRejectedNotice";
    public static final String BRANCH_REJECTED = "EndEvent_BranchRejected";

    private BranchElements() {}
  }

  /** Message names correlated by the REST API. */
  public static final class Messages {
    public static final String SUPPLEMENT_SUBMITTED = "SupplementSubmitted";
    public static final String OBJECTION_RECEIVED = "ObjectionReceived";
    public static final String STATEMENT_SUBMITTED = "StatementSubmitted";

    private Messages() {}
  }

  /** Process variables (few, references and decisions; the application itself stays in filing_application). */
  public static final class Vars {
    public static final String APPLICATION_NO = "applicationNo";
    public static final String INSTITUTION_TYPE = "institutionType";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_EMAIL = "applicantEmail";
    /** Candidate group of acceptance and objection review: {@code acceptance-officers-<province>} or the ministry. */
    public static final String ACCEPTING_GROUP = "acceptingGroup";
    public static final String DECIDING_GROUP = "decidingGroup";
    /** Candidate group of a branch review: {@code provincial-officers-<branch province>}. */
    public static final String REVIEWING_GROUP = "reviewingGroup";
    public static final String QUOTA_EXCEEDED = "quotaExceeded";
    public static final String QUOTA_WARNING = "quotaWarning";
    public static final String BRANCH_COUNT = "branchCount";
    public static final String BRANCH_INDEXES = "branchIndexes";
    /** Read-only display values for the forms (Markdown / text). */
    public static final String APPLICATION_SUMMARY = "applicationSummary";
    public static final String MATERIALS_MARKDOWN = "materialsMarkdown";
    /** Issue 19 item 4: occupations the catalogue shows without a standard (Markdown), and whether there are any. */
    public static final String OCCUPATION_NOTES = "occupationNotes";
    public static final String OCCUPATION_FLAGGED = "occupationFlagged";

    public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    public static final String ACCEPTANCE_COMMENT = "acceptanceComment";
    public static final String SUPPLEMENT_DUE_AT = "supplementDueAt";
    public static final String EXPERT_PANEL = "expertPanel";
    public static final String EXPERT = "expert";
    public static final String EXPERT_OPINION = "expertOpinion";
    public static final String EXPERT_COMMENT = "expertComment";
    public static final String REVIEW_PASSED = "reviewPassed";
    public static final String PUBLIC_NOTICE_CLOSES_AT = "publicNoticeClosesAt";
    public static final String CLOSES_AT = "closesAt";
    public static final String OBJECTION_ID = "objectionId";
    public static final String OBJECTION_CONTENT = "objectionContent";
    public static final String OBJECTION_UPHELD = "objectionUpheld";
    public static final String OBJECTION_RESPONSE = "objectionResponse";
    public static final String FILING_DECISION = "filingDecision";
    /** Issue 19 item 6: the reasons told, the window, the applicant's statement, and whether the hearing was held. */
    public static final String INTENDED_REFUSAL_REASON = "intendedRefusalReason";
    public static final String STATEMENT_DUE_AT = "statementDueAt";
    public static final String APPLICANT_STATEMENT = "applicantStatement";
    public static final String HEARING_HELD = "hearingHeld";
    /** True in the processes that model the hearing ({@link FilingProcess#HEARING_KEYS}). */
    public static final String HEARING_BEFORE_REFUSAL = "hearingBeforeRefusal";
    /** The reasons of a failed technical review, told at the hearing (null when it passed). */
    public static final String REVIEW_FAILED_REASON = "reviewFailedReason";
    public static final String DECISION_COMMENT = "decisionComment";
    public static final String FILING_CODE = "filingCode";
    public static final String RECEIPT_NO = "receiptNo";

    public static final String BRANCH_INDEX = "branchIndex";
    public static final String PARENT_FILING_CODE = "parentFilingCode";
    public static final String BRANCH_NAME = "branchName";
    public static final String BRANCH_EMAIL = "branchEmail";
    public static final String BRANCH_SUMMARY = "branchSummary";
    public static final String BRANCH_DECISION = "branchDecision";
    public static final String BRANCH_COMMENT = "branchComment";
    public static final String BRANCH_FILING_CODE = "branchFilingCode";
    /** True in a BranchFilingProcess started by a branch application after filing (not by the filing process). */
    public static final String LATER_BRANCH = "laterBranch";

    private Vars() {}
  }

  /** Values of the decision variables (CONTRACT.md). */
  public static final class Values {
    public static final String ACCEPT = "ACCEPT";
    public static final String REQUEST_SUPPLEMENT = "REQUEST_SUPPLEMENT";
    public static final String REJECT = "REJECT";
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String APPROVE = "APPROVE";

    private Values() {}
  }

  /** Business key of the branch process: {@code applicationNo-B<index>} (CONTRACT.md). */
  public static String branchBusinessKey(String applicationNo, int index) {
    return applicationNo + "-B" + index;
  }

  private FilingProcess() {}
}
