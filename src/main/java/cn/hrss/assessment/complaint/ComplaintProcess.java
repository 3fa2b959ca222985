package cn.hrss.assessment.complaint;

/** Process backing of processes/ComplaintProcess.bpmn: key, element ids, variable names (CONTRACT.md "Complaints"). */
public final class ComplaintProcess {

  public static final String KEY = "ComplaintProcess";

  /** Element ids. */
  public static final class Ids {
    public static final String TRIAGE = "Task_TriageComplaint";
    public static final String VERIFY = "Task_VerifyComplaint";
    public static final String TRIAGE_OVERDUE = "Boundary_TriageOverdue";
    public static final String VERIFY_OVERDUE = "Boundary_VerificationOverdue";
    public static final String OPEN_CASE = "Task_OpenDisciplinaryCase";
    public static final String ANSWERED = "EndEvent_ComplaintAnswered";

    private Ids() {}
  }

  /** Variable names. */
  public static final class Vars {
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String TRIAGE_COMMENT = "triageComment";
    public static final String VERIFIED = "verified";
    public static final String FINDINGS = "verificationFindings";
    public static final String REPLY = "reply";
    public static final String REPLY_DUE = "replyDueAt";
    public static final String COMPLAINANT_EMAIL = "complainantEmail";
    public static final String HAS_FILING_CODE = "institutionFiled";
    public static final String SUMMARY = "complaintSummary";

    private Vars() {}
  }

  private ComplaintProcess() {}
}
