package cn.hrss.assessment.complaint;

/**
 * Body of {@code POST /api/complaints} (CONTRACT.md): the institution by filing code or by name, the complaint, and
 * optionally who complains and how to reach them (anonymous without).
 */
public record ComplaintSubmission(
    String institutionFilingCode,
    String institutionName,
    String content,
    String name,
    String contact,
    String email) {}
