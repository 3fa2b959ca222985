package cn.hrss.assessment.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A document the application issues (a receipt, a supervision opinion letter) as an HTTP response: a PDF unless the
 * client ranks HTML higher (a browser showing it) or no PDF can be made on this installation (no CJK font, see
 * {@link PdfDocuments}). Documents are personal: never cached.
 */
@Component
public class DocumentResponses {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final PdfDocuments pdf;

  DocumentResponses(PdfDocuments pdf) {
    this.pdf = pdf;
  }

  /**
   * @param html the document as rendered (and as mailed)
   * @param fileName the file name without extension, e.g. {@code 备案回执-HZ2026000001}
   * @param accept the request's {@code Accept} header, or null
   * @param attachment offer it as a file to save rather than to show
   */
  public ResponseEntity<byte[]> of(String html, String fileName, String accept, boolean attachment) {
    boolean asPdf = pdf.available() && !prefersHtml(accept);
    ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(fileName + (asPdf ? ".pdf" : ".html"), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(asPdf ? MediaType.APPLICATION_PDF : HTML)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(asPdf ? pdf.fromHtml(html) : html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Does {@code Accept} rank HTML above PDF? A browser's {@code text/html,…,*&#47;*;q=0.8} does; {@code *&#47;*}, no
   * header or an unreadable one do not (PDF is the document's form).
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
}
