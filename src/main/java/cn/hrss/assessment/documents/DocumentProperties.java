package cn.hrss.assessment.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code assessment.documents.*}.
 *
 * @param pdfFont the CJK font embedded in every PDF (a TrueType {@code .ttf} or a collection {@code .ttc}, e.g.
 *     Debian's {@code fonts-wqy-microhei}). Set: the file must exist and load, or the application does not start.
 *     Not set (the default): the first of {@link PdfDocuments#KNOWN_FONTS} that exists; none → documents are served
 *     as HTML and a warning is logged at start-up
 */
@ConfigurationProperties("assessment.documents")
record DocumentProperties(String pdfFont) {}
