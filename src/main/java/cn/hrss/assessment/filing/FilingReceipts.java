package cn.hrss.assessment.filing;

import cn.hrss.assessment.documents.DocumentResponses;
import cn.hrss.assessment.documents.PdfDocuments;
import cn.hrss.assessment.notification.NotificationService;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The printable receipt (备案回执) with the result letter of 002 Annex 1 §一(十二): the very template that was
 * e-mailed (templates/mail/filing-receipt.html), rendered for the applicant to print at any time, as a PDF (issue 13
 * item 9) or, when the client asks for it or no font is installed ({@link PdfDocuments#available()}), as HTML.
 */
@Component
public class FilingReceipts {

  private final FilingNoticeModel model;
  private final NotificationService notifications;
  private final PdfDocuments pdf;
  private final FilingRepository repository;
  private final DocumentResponses documents;

  FilingReceipts(FilingNoticeModel model, NotificationService notifications, PdfDocuments pdf,
      FilingRepository repository, DocumentResponses documents) {
    this.documents = documents;
    this.repository = repository;
    this.model = model;
    this.notifications = notifications;
    this.pdf = pdf;
  }

  /**
   * For the institution's own area: the receipt of one of its approved applications (filing, renewal, change) as a
   * file to save; empty when that application is not one of the institution's or has no receipt.
   */
  public java.util.Optional<ResponseEntity<byte[]>> ofInstitution(String filingCode, String applicationNo) {
    return repository.applicationsFor(filingCode).stream()
        .filter(a -> a.applicationNo().equals(applicationNo) && a.filingCode() != null && a.receiptNo() != null)
        .findFirst().map(a -> response(a, MediaType.APPLICATION_PDF_VALUE, true));
  }

  /** Are receipts PDFs here (a font is installed), or HTML? */
  public boolean pdfAvailable() {
    return pdf.available();
  }

  /**
   * The receipt of a filed (renewed, changed) application as a response: PDF unless the client prefers HTML
   * ({@code Accept} ranks {@code text/html} above {@code application/pdf}) or PDFs cannot be made here.
   *
   * @param accept the request's {@code Accept} header, or null
   * @param attachment offer it as a file to save ({@code 备案回执-<receiptNo>.pdf}) rather than to show
   */
  ResponseEntity<byte[]> response(FilingRepository.StoredApplication application, String accept,
      boolean attachment) {
    return documents.of(receiptHtml(application), "备案回执-" + application.receiptNo(), accept, attachment);
  }

  String receiptHtml(FilingRepository.StoredApplication application) {
    Map<String, Object> values = new HashMap<>(model.contribute(FilingProcess.KEY, application.applicationNo()));
    values.put("caseRef", application.applicationNo());
    values.put(FilingProcess.Vars.INSTITUTION_TYPE, application.institutionType());
    values.put("printed", true); // a document to keep, not a mail: no "do not reply" footer
    // A renewal's receipt is the renewal letter (004 Art. 23), with the same code and the new validity.
    String template = switch (application.kind()) {
      case "RENEWAL" -> "institution-renewed";
      case "SCOPE_CHANGE" -> "institution-scope-changed";
      default -> "filing-receipt";
    };
    return notifications.renderHtml(template, values);
  }
}
