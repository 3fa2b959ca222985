package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF the application produced: its text as PDFBox extracts it (the real text, not pictures of it). */
public final class Pdfs {

  private Pdfs() {}

  /**
   * The text of every page, without white space (a table cell's line breaks and no-break spaces would otherwise split
   * a name). Fails unless the bytes are a PDF.
   */
  public static String text(byte[] pdf) {
    assertThat(pdf).isNotNull();
    assertThat(new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
