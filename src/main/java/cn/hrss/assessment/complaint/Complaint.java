package cn.hrss.assessment.complaint;

import java.time.Instant;

/**
 * A stored complaint. {@code complainantName}, {@code complainantContact} and {@code complainantEmail} are the
 * complainant's identity: shown to officers only (监督管理办法 Art. 17: 为投诉人保密).
 */
record Complaint(
    String complaintNo,
    String institutionFilingCode,
    String institutionName,
    String content,
    String complainantName,
    String complainantContact,
    String complainantEmail,
    String tokenHash,
    ComplaintStatus status,
    String triageComment,
    String findings,
    String reply,
    String caseNo,
    Instant submittedAt,
    Instant replyDue,
    Instant answeredAt) {}
