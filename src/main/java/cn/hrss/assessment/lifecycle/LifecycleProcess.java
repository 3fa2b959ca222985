package cn.hrss.assessment.lifecycle;

/** Process backing of the procedures after filing (CONTRACT.md "After filing"): keys, element ids, variables. */
public final class LifecycleProcess {

  /** 004 Art. 23. */
  public static final String RENEWAL_KEY = cn.hrss.assessment.filing.FilingProcess.RENEWAL_KEY;

  /** Kinds of {@code filing_application.kind}. */
  public static final String RENEWAL = "RENEWAL";
  public static final String CHANGE = "CHANGE";
  public static final String SCOPE_CHANGE = "SCOPE_CHANGE";

  /** 004 Art. 22. */
  public static final String SCOPE_CHANGE_KEY = cn.hrss.assessment.filing.FilingProcess.SCOPE_CHANGE_KEY;

  /** Element ids of InstitutionScopeChangeProcess besides the shared filing ones. */
  public static final class ScopeElements {
    public static final String CHANGE_SCOPE = "Task_ChangeScope";
    public static final String SEND_RECEIPT = "Task_SendScopeChangeReceipt";
    public static final String REPORT_UPWARDS = "Task_ReportScopeChangeUpwards";
    public static final String CHANGED = "EndEvent_ScopeChanged";
    public static final String REJECTED = "EndEvent_ScopeChangeRejected";

    private ScopeElements() {}
  }

  /** 004 Art. 21. */
  public static final String CHANGE_KEY = cn.hrss.assessment.filing.FilingProcess.CHANGE_KEY;

  /** Element ids of InstitutionChangeProcess. */
  public static final class ChangeElements {
    public static final String START = "StartEvent_ChangeReported";
    public static final String REVIEW_CHANGE = "Task_ReviewChange";
    public static final String APPLY_CHANGE = "Task_ApplyChange";
    public static final String SEND_CHANGE_CONFIRMED = "Task_SendChangeConfirmed";
    public static final String REPORT_UPWARDS = "Task_ReportChangeUpwards";
    public static final String CHANGED = "EndEvent_InformationChanged";
    public static final String SEND_CHANGE_REJECTED = "Task_SendChangeRejected";
    public static final String CHANGE_REJECTED = "EndEvent_ChangeRejected";

    private ChangeElements() {}
  }

  /** Element ids of InstitutionRenewalProcess (the filing's shared ones keep their ids: same rules, same forms). */
  public static final class RenewalElements {
    public static final String START = "StartEvent_RenewalSubmitted";
    public static final String REVIEW_COMPLETENESS = "Task_ReviewCompleteness";
    public static final String AWAIT_SUPPLEMENT = "Task_AwaitSupplement";
    public static final String EXPERT_REVIEW = "Task_ExpertReview";
    public static final String DECIDE_FILING = "Task_DecideFiling";
    public static final String RENEW_FILING = "Task_RenewFiling";
    public static final String SEND_RENEWAL_RECEIPT = "Task_SendRenewalReceipt";
    public static final String REPORT_UPWARDS = "Task_ReportRenewalUpwards";
    public static final String RENEWED = "EndEvent_FilingRenewed";
    public static final String RENEWAL_REJECTED = "EndEvent_RenewalRejected";
    public static final String NOT_ACCEPTED = "EndEvent_ApplicationNotAccepted";
    public static final String WITHDRAWN = "EndEvent_ApplicationWithdrawn";

    private RenewalElements() {}
  }

  /** Variables besides the filing's. */
  public static final class Vars {
    public static final String VALID_UNTIL = "validUntil";
    public static final String CHANGE_SUMMARY = "changeSummary";
    public static final String CHANGE_DECISION = "changeDecision";
    public static final String CHANGE_COMMENT = "changeComment";

    private Vars() {}
  }

  private LifecycleProcess() {}
}
