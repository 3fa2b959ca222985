package cn.hrss.assessment.site;

/** Process backing of processes/SiteFilingProcess.bpmn: key, element ids, variable names (issue 19 item 10). */
public final class SiteProcess {

  public static final String KEY = "SiteFilingProcess";

  /** Element ids. */
  public static final class Ids {
    public static final String CONFIRM = "Task_ConfirmSite";
    public static final String REGISTER = "Task_RegisterSite";
    public static final String FILED = "EndEvent_SiteFiled";
    public static final String REJECTED = "EndEvent_SiteRejected";
    /** Issue 19 item 6: the hearing before a refusal. */
    public static final String SEND_REFUSAL_INTENDED = "Task_SendSiteRefusalIntended";
    public static final String AWAIT_STATEMENT = "Task_AwaitSiteStatement";
    public static final String STATEMENT_WINDOW_CLOSED = "Boundary_SiteStatementWindowClosed";
    public static final String STATEMENT_JOIN = "Gateway_SiteStatementJoin";
    public static final String STATEMENT_MESSAGE = "SiteStatementSubmitted";

    private Ids() {}
  }

  /** Variable names. */
  public static final class Vars {
    public static final String SITE_NO = "siteNo";
    public static final String PARENT_FILING_CODE = "parentFilingCode";
    public static final String PARENT_NAME = "parentName";
    public static final String SITE_NAME = "siteName";
    public static final String SITE_PROVINCE = "siteProvince";
    public static final String SITE_PROVINCE_NAME = "siteProvinceName";
    public static final String SITE_ADDRESS = "siteAddress";
    public static final String CONFIRMING_GROUP = "siteConfirmingGroup";
    public static final String NOTICE_TO = "siteNoticeTo";
    /** Set by the officer: CONFIRM or REJECT. */
    public static final String DECISION = "siteDecision";
    /** Set by the officer: the reasons of a refusal (sent to the organisation). */
    public static final String COMMENT = "siteComment";
    /** Proposed by the organisation, set by the officer: positions 8-9 where the province codes sites by city. */
    public static final String CITY_CODE = "cityCode";
    /** A hint for the form: where the province's city-code option is on, what to fill in. */
    public static final String CITY_CODE_HINT = "cityCodeHint";
    public static final String SITE_FILING_CODE = "siteFilingCode";
    /** The hearing (issue 19 item 6): the reasons told, the window's end, the organisation's statement, held or not. */
    public static final String INTENDED_REFUSAL_REASON = "intendedRefusalReason";
    public static final String STATEMENT_DUE_AT = "statementDueAt";
    public static final String STATEMENT = "applicantStatement";
    public static final String HEARING_HELD = "hearingHeld";

    private Vars() {}
  }

  private SiteProcess() {}
}
