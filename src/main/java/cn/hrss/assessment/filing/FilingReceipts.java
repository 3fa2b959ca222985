package cn.hrss.assessment.filing;

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

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final FilingNoticeModel model;
  private final NotificationService notifications;
  private final PdfDocuments pdf;
  private final FilingRepository repository;

  FilingReceipts(FilingNoticeModel model, NotificationService notifications, PdfDocuments pdf,
      FilingRepository repository) {
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
    String html = receiptHtml(application);
    boolean asPdf = pdf.available() && !prefersHtml(accept);
    String fileName = "备案回执-" + application.receiptNo() + (asPdf ? ".pdf" : ".html");
    ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(fileName, StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(asPdf ? MediaType.APPLICATION_PDF : HTML)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(asPdf ? pdf.fromHtml(html) : html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Does {@code Accept} rank HTML above PDF? A browser's {@code text/html,…,*&#47;*;q=0.8} does; {@code *&#47;*}, no
   * header or an unreadable one do not (PDF is the receipt's form).
   */
  static boolean prefersHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    return quality(types, MediaType.TEXT_HTML) > quality(types, MediaType.APPLICATION_PDF);
  }

  /** The quality the most specific range that includes {@code type} gives it (RFC 9110 §12.5.1); 0 if none. */
  private static double quality(List<MediaType> ranges, MediaType type) {
    MediaType best = null;
    for (MediaType range : ranges) {
      if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
        best = range;
      }
    }
    return best == null ? 0 : best.getQualityValue();
  }

  private static int specificity(MediaType range) {
    return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
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
