package cn.hrss.assessment.discipline;

/** Process backing of processes/DisciplinaryCaseProcess.bpmn: key, element ids, variable names (CONTRACT.md). */
public final class DisciplinaryCaseProcess {

  public static final String KEY = "DisciplinaryCaseProcess";
  public static final String DECISION_KEY = "DisciplinarySanctions";

  public static final String MESSAGE_STATEMENT = "Message_StatementReceived";
  public static final String MESSAGE_APPEAL = "Message_AppealReceived";

  /** Element ids. */
  public static final class Ids {
    public static final String START = "StartEvent_CaseReported";
    public static final String REGISTER_CASE = "Task_RegisterCase";
    public static final String DETERMINE = "Task_DetermineViolation";
    public static final String LOAD_RECORD = "Task_LoadPartyRecord";
    public static final String PROPOSE = "Task_ProposeSanctions";
    public static final String RECORD_PROPOSAL = "Task_RecordProposal";
    public static final String SERVE_NOTICE = "Task_ServeNoticeOfIntent";
    public static final String WAIT_STATEMENT = "Gateway_StatementOrDeadline";
    public static final String STATEMENT_RECEIVED = "Event_StatementReceived";
    public static final String STATEMENT_WINDOW_CLOSED = "Event_StatementWindowClosed";
    public static final String CONSIDER_STATEMENT = "Task_ConsiderStatement";
    public static final String SERVE_DROP = "Task_ServeDropNotice";
    public static final String CASE_DROPPED = "EndEvent_CaseDropped";
    public static final String ISSUE_DECISION = "Task_IssueDecision";
    public static final String SERVE_DECISION = "Task_ServeDecisionLetter";
    public static final String PUBLISH_DECISION = "Task_PublishDecisionAnnouncement";
    public static final String EXECUTE = "Task_ExecuteSanctions";
    public static final String WAIT_APPEAL = "Gateway_AppealOrDeadline";
    public static final String APPEAL_RECEIVED = "Event_AppealReceived";
    public static final String APPEAL_WINDOW_CLOSED = "Event_AppealWindowClosed";
    public static final String REVIEW = "Task_ReviewAppeal";
    public static final String ADJUST = "Task_AdjustExecution";
    public static final String SERVE_REVIEW = "Task_ServeReviewDecision";
    public static final String CLOSE = "Task_CloseCase";
    public static final String CASE_CLOSED = "EndEvent_CaseClosed";

    private Ids() {}
  }

  /** Process variables. */
  public static final class Vars {
    public static final String CASE_NO = "caseNo";
    public static final String PARTY_TYPE = "partyType";
    public static final String STAFF_ROLE = "staffRole";
    public static final String PARTY_NAME = "partyName";
    public static final String PARTY_EMAIL = "partyEmail";
    public static final String SOURCE = "source";
    public static final String ARTICLE = "violationArticle";
    public static final String ITEM = "violationItem";
    public static final String SEVERITY = "severity";
    public static final String FINDINGS = "findings";
    public static final String PRIOR_WARNING = "priorArticle13Warning";
    public static final String PROPOSAL = "sanctionProposal";
    public static final String PROPOSED_SANCTIONS = "proposedSanctions";
    /** The DMN's discretionary output for the determination (comma-separated codes; CONTRACT.md). */
    public static final String PROPOSED_DISCRETIONARY = "proposedDiscretionarySanctions";
    /** Task_IssueDecision: JSON array of {"code", "reason"} chosen from PROPOSED_DISCRETIONARY (CONTRACT.md). */
    public static final String DISCRETIONARY = "discretionarySanctions";
    /** Task_ReviewAppeal with AMEND: the discretionary sanctions of the amended decision, same format. */
    public static final String AMENDED_DISCRETIONARY = "amendedDiscretionarySanctions";
    /** Task_DetermineViolation for Art. 8: whether certificates were issued (对其中已颁发证书的). */
    public static final String CERTIFICATES_ISSUED = "certificatesIssued";
    public static final String AMENDED_CERTIFICATES_ISSUED = "amendedCertificatesIssued";
    /** Task_IssueDecision for Art. 15 para. 2: the rules the penalty is based on (依据相关规定进行处罚). */
    public static final String PENALTY_BASIS = "penaltyBasis";
    /** Task_IssueDecision (and an AMEND) when REFERRAL is imposed: DISCIPLINE_COMMISSION | POLICE | OTHER (000 §三). */
    public static final String REFERRAL_AUTHORITY = "referralAuthority";
    public static final String STATEMENT_DEADLINE = "statementDeadline";
    public static final String APPEAL_DEADLINE = "appealDeadline";
    public static final String STATEMENT_OUTCOME = "statementOutcome";
    public static final String STATEMENT_RESPONSE = "statementResponse";
    public static final String DECISION_APPROVED = "decisionApproved";
    public static final String DECISION_NOTE = "decisionNote";
    public static final String DECIDED_BY = "decidedBy";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String REVIEW_REASONING = "reviewReasoning";
    public static final String AMENDED_ARTICLE = "amendedArticle";
    public static final String AMENDED_ITEM = "amendedItem";
    public static final String AMENDED_SEVERITY = "amendedSeverity";

    private Vars() {}
  }

  private DisciplinaryCaseProcess() {}
}
