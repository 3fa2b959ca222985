package cn.hrss.assessment.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfDocumentsTest {

  /** The font CI installs (.ci/run: fonts-wqy-microhei); without it locally the rendering tests are skipped. */
  static boolean fontInstalled() {
    return PdfDocuments.KNOWN_FONTS.stream().anyMatch(Files::isRegularFile) || "true".equals(System.getenv("CI"));
  }

  @Test
  void chineseTextIsRealTextInThePdfWithTheFontEmbedded() throws IOException {
    assumeTrue(fontInstalled(), "no CJK font installed");
    PdfDocuments pdf = new PdfDocuments(null, PdfDocuments.KNOWN_FONTS);
    // Not XHTML: an unclosed <meta>, <br>, an entity XML does not know; the templates are HTML5.
    byte[] bytes = pdf.fromHtml("""
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>备案回执 HZ2026000001</title></head>
        <body style="font-family:'Microsoft YaHei',sans-serif"><p>机构名称：杭州市&nbsp;精工职业技能评价中心<br>
        机构备案码：<strong>Y0000330000001</strong></p><img src="http://example.invalid/logo.png" alt="徽标"></body></html>
        """);

    assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text.replaceAll("[\\s\\u00a0]+", "")).contains("杭州市精工职业技能评价中心", "机构备案码：Y0000330000001");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("备案回执 HZ2026000001");
      PDFont font = document.getPage(0).getResources().getFont(
          document.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      // A4 portrait: 210 × 297 mm = 595 × 842 pt.
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
    }
  }

  @Test
  void aFontUsedForOneDocumentServesTheNextWithItsOwnCharacters() throws Exception {
    assumeTrue(fontInstalled(), "no CJK font installed");
    PdfDocuments pdf = new PdfDocuments(null, PdfDocuments.KNOWN_FONTS);
    // one after the other (the second reuses the first's parsed font), then several at once (each its own font)
    List<String> texts = List.of("备案回执甲", "延续备案回执乙", "变更回执丙丁", "分支机构备案回执戊", "督导意见书己庚辛");
    for (String text : texts.subList(0, 2)) {
      assertThat(textOf(pdf.fromHtml("<p>" + text + "</p>"))).isEqualTo(text);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      var rendered = pool.invokeAll(texts.stream()
          .map(text -> (java.util.concurrent.Callable<String>) () -> textOf(pdf.fromHtml("<p>" + text + "</p>"))).toList());
      for (int i = 0; i < texts.size(); i++) {
        assertThat(rendered.get(i).get()).isEqualTo(texts.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void renderingsAtOnceAreLimitedSoThatTheFontsParsedAreKept() throws Exception {
    assumeTrue(fontInstalled(), "no CJK font installed");
    PdfDocuments pdf = new PdfDocuments(null, PdfDocuments.KNOWN_FONTS);
    // Twice as many threads as renderings, the first of each thread's documents all starting together, as ten job
    // threads sending receipts do: without the limit each of them would parse a font of its own.
    int threads = 2 * PdfDocuments.RENDERINGS;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<String>> documents = new ArrayList<>();
      for (int i = 0; i < 3 * threads; i++) {
        String text = "备案回执第" + i + "号";
        boolean first = i < threads;
        documents.add(() -> {
          if (first) {
            together.await(30, TimeUnit.SECONDS);
          }
          return textOf(pdf.fromHtml("<p>" + text + "</p>")).equals(text) ? text : "wrong text for " + text;
        });
      }
      List<Future<String>> rendered = pool.invokeAll(documents);
      for (int i = 0; i < rendered.size(); i++) {
        assertThat(rendered.get(i).get()).isEqualTo("备案回执第" + i + "号");
      }
    } finally {
      pool.shutdown();
    }
    assertThat(pdf.fontsParsed()).isBetween(1, PdfDocuments.RENDERINGS);
  }

  @Test
  void eachDocumentEmbedsAFontOfItsOwnCharactersWithTheOriginalsGlyphsAndWidths() throws Exception {
    assumeTrue(fontInstalled(), "no CJK font installed");
    Path file = PdfDocuments.KNOWN_FONTS.stream().filter(Files::isRegularFile).findFirst().orElseThrow();
    try (TrueTypeCollection collection = new TrueTypeCollection(file.toFile())) {
      List<TrueTypeFont> fonts = new ArrayList<>();
      collection.processAllFonts(fonts::add);
      TrueTypeFont font = fonts.get(0);
      // text, an attribute, a numeric entity (龘, rare) and &nbsp;: all the characters the document can show
      org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parse(
          "<p title=\"附件清单\">备案回执&nbsp;&#x9F98;</p><ol><li>一</li></ol>");
      Set<Integer> characters = PdfDocuments.charactersOf(parsed);
      assertThat(characters).contains((int) '附', (int) '执', 0x9F98, 0xA0, (int) '1', (int) '.', (int) '“', (int) '。');

      try (TrueTypeFont subset = PdfDocuments.subset(font, characters)) {
        assertThat(font.getNumberOfGlyphs()).isGreaterThan(20_000);
        assertThat(subset.getNumberOfGlyphs()).isLessThan(1_000);
        var original = font.getUnicodeCmapLookup();
        var cut = subset.getUnicodeCmapLookup();
        for (int c : List.of((int) '备', (int) '案', 0x9F98, (int) 'A', (int) '1', (int) '“', (int) '。')) {
          assertThat(cut.getGlyphId(c)).as("glyph of U+%04X", c).isPositive();
          assertThat(subset.getAdvanceWidth(cut.getGlyphId(c))).as("width of U+%04X", c)
              .isEqualTo(font.getAdvanceWidth(original.getGlyphId(c)));
        }
        assertThat(cut.getGlyphId('鑫')).as("a character the document does not have").isZero();
        assertThat(subset.getHeader().getUnitsPerEm()).isEqualTo(font.getHeader().getUnitsPerEm());
        assertThat(subset.getHorizontalHeader().getAscender()).isEqualTo(font.getHorizontalHeader().getAscender());
      }
    }
    // and the rendered document has every one of them as text
    PdfDocuments pdf = new PdfDocuments(null, PdfDocuments.KNOWN_FONTS);
    assertThat(textOf(pdf.fromHtml("<p>“备案回执”&nbsp;&#x9F98;，完。</p><ol><li>一</li><li>二</li></ol>")))
        .contains("“备案回执”龘，完。", "1.", "2.", "一", "二");
    // A character beyond the first plane (𠮷, U+20BB7, in names) does not stop the rendering; WenQuanYi has no glyph
    // for it, so the rest is cut as usual.
    assertThat(textOf(pdf.fromHtml("<p>申请人吉𠮷祥</p>"))).contains("申请人吉", "祥");
  }

  private static String textOf(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", "");
    }
  }

  @Test
  void aConfiguredFontThatIsMissingStopsTheStartNamingTheSetting(@TempDir Path dir) {
    assertThatThrownBy(() -> new PdfDocuments(dir.resolve("missing.ttc").toString(), PdfDocuments.KNOWN_FONTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assessment.documents.pdf-font")
        .hasMessageContaining("ASSESSMENT_DOCUMENTS_PDF_FONT")
        .hasMessageContaining("missing.ttc");
  }

  @Test
  void aConfiguredFileThatIsNoFontStopsTheStart(@TempDir Path dir) throws IOException {
    Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
    assertThatThrownBy(() -> new PdfDocuments(notAFont.toString(), PdfDocuments.KNOWN_FONTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assessment.documents.pdf-font");
  }

  @Test
  void withoutAnyFontDocumentsAreUnavailableInsteadOfFailingTheStart(@TempDir Path dir) {
    PdfDocuments pdf = new PdfDocuments(null, List.of(dir.resolve("none.ttc")));

    assertThat(pdf.available()).isFalse();
    assertThatThrownBy(() -> pdf.fromHtml("<p>回执</p>")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assessment.documents.pdf-font");
  }
}
