package cn.hrss.assessment.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns an HTML page into a PDF with the CJK font embedded (a subset: only the characters used), so the Chinese text
 * is text in the PDF, not pictures of it. Any page the application renders will do: the receipts are the very mail
 * templates, rendered by {@code NotificationService#renderHtml}; a letter rendered elsewhere goes the same way:
 * {@code pdf.fromHtml(html)}.
 *
 * <p>The HTML need not be XHTML: jsoup parses it as a browser would and hands the DOM to openhtmltopdf. Every element
 * is set in the embedded font (the templates name Windows and macOS fonts a server does not have), on A4. Nothing
 * outside the page is fetched (no images, style sheets or fonts from URLs): a document never depends on the network,
 * and a value that slipped into markup could not make the server fetch an address.
 *
 * <p>The font file is read once, at start-up ({@link DocumentProperties}). A parsed font serves one rendering at a
 * time and then waits for the next: parsing the collection for every document cost about 30 MB of allocation (the
 * benchmark's profile, issue 15: a fifth of the application's allocation, and much of its GC). At most
 * {@value #RENDERINGS} renderings run at once, each with a font of its own, and a further one waits for a font to come
 * back: with ten job threads rendering receipts, a font parsed for each and dropped after it was still a third of the
 * documents' allocation (issue 15's deep profile). Rendering is pure CPU, so more at once than that would not finish
 * sooner on the machines this runs on. Each document then gets the font cut down to its own characters
 * ({@link #subset}), so that PDFBox does not build the widths of every glyph the font has for each document.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
public class PdfDocuments {

  private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);
  /** Where Debian and Ubuntu put the fonts we know to work (apt-get install fonts-wqy-microhei), in this order. */
  static final List<Path> KNOWN_FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
  static final String SETTING = "assessment.documents.pdf-font (ASSESSMENT_DOCUMENTS_PDF_FONT)";
  private static final String FAMILY = "assessment-cjk";
  private static final String PAGE_STYLE = "@page { size: A4; margin: 12mm; }"
      + " * { font-family: '" + FAMILY + "' !important; }";

  /** Renderings at once, and so the parsed fonts there ever are; a further rendering waits for one of them. */
  static final int RENDERINGS = 4;

  /** The tables a document's font keeps: what PDFBox reads to lay out, embed and name it (vertical metrics not). */
  private static final List<String> SUBSET_TABLES = List.of(
      "head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "name", "post");
  /** Characters every document's font has, if the font has them (see {@link #charactersOf}). */
  private static final Set<Integer> ALWAYS = Stream.of(
          IntStream.rangeClosed(0x20, 0x7e), // ASCII
          IntStream.rangeClosed(0xa0, 0xff), // Latin-1
          IntStream.rangeClosed(0x2010, 0x2027), // dashes, quotation marks, bullet, ellipsis: – — “ ” ‘ ’ • …
          IntStream.rangeClosed(0x3000, 0x3003)) // ideographic space, 、 。 〃
      .flatMapToInt(range -> range).boxed().collect(Collectors.toUnmodifiableSet());

  private final Semaphore renderings = new Semaphore(RENDERINGS, true);
  private final BlockingQueue<LoadedFont> idle = new ArrayBlockingQueue<>(RENDERINGS);
  private final AtomicInteger fontsParsed = new AtomicInteger();
  private final byte[] font;
  private final boolean collection;
  private final String fontFile;

  @org.springframework.beans.factory.annotation.Autowired
  PdfDocuments(DocumentProperties properties) {
    this(properties.pdfFont(), KNOWN_FONTS);
  }

  PdfDocuments(String configuredFont, List<Path> knownFonts) {
    // openhtmltopdf logs through one process-wide logger; ours sends it to SLF4J (Slf4jRendererLog).
    com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jRendererLog());
    Optional<Path> file;
    if (configuredFont != null && !configuredFont.isBlank()) {
      Path path = Path.of(configuredFont.strip());
      if (!Files.isRegularFile(path)) {
        throw new IllegalStateException(SETTING + ": no font file at " + path
            + " (install fonts-wqy-microhei or point the setting at a TrueType .ttf/.ttc font with Chinese characters)");
      }
      file = Optional.of(path);
    } else {
      file = knownFonts.stream().filter(Files::isRegularFile).findFirst();
    }
    if (file.isEmpty()) {
      log.warn("No CJK font for PDF documents ({} is not set and none of {} exists): receipts are served as HTML and"
          + " mailed without a PDF. Install fonts-wqy-microhei or set the setting.", SETTING, knownFonts);
      this.font = null;
      this.collection = false;
      this.fontFile = null;
      return;
    }
    this.fontFile = file.get().toString();
    this.collection = fontFile.toLowerCase(Locale.ROOT).endsWith(".ttc");
    try {
      this.font = Files.readAllBytes(file.get());
      try (LoadedFont check = loadFont()) {
        log.info("PDF documents embed the font {} from {}", check.font().getName(), fontFile);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(SETTING + ": cannot use " + file.get() + " as a font: " + e.getMessage(), e);
    }
  }

  /** How many times a rendering had to parse the font (none was waiting): for the tests. */
  int fontsParsed() {
    return fontsParsed.get();
  }

  /** Is a font there, so that {@link #fromHtml} works? Without one the callers serve HTML. */
  public boolean available() {
    return font != null;
  }

  /**
   * The page as a PDF (A4).
   *
   * @throws IllegalStateException if no font is available ({@link #available()})
   */
  public byte[] fromHtml(String html) {
    if (!available()) {
      throw new IllegalStateException("PDF documents are not available: no font (" + SETTING + ")");
    }
    Document parsed = Jsoup.parse(html);
    parsed.head().appendElement("style").text(PAGE_STYLE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      renderings.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to render a PDF document", e);
    }
    try {
      render(parsed, out);
    } finally {
      renderings.release();
    }
    return out.toByteArray();
  }

  /** One rendering, holding one of the {@value #RENDERINGS} permits. */
  private void render(Document parsed, ByteArrayOutputStream out) {
    LoadedFont loaded = borrowFont();
    boolean rendered = false;
    try (TrueTypeFont cut = subset(loaded.font(), charactersOf(parsed)); PDDocument pdf = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(pdf);
      builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, cut != null ? cut : loaded.font(), true)), FAMILY);
      builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
      builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withW3cDocument(W3CDom.convert(parsed), null);
      builder.toStream(out);
      builder.run();
      rendered = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render a PDF document", e);
    } finally {
      // PDType0Font.load(document, font, …) leaves the font open for its owner: after a rendering that went wrong it
      // is not trusted again.
      if (!rendered || !idle.offer(loaded)) {
        closeQuietly(loaded);
      }
    }
  }

  /**
   * The font cut down to {@code characters}, for one document. PDFBox builds, for every document it embeds a font in,
   * a table of the widths of every glyph the font has (WenQuanYi Micro Hei: 28,000; arrays and a map of boxed numbers,
   * about 3 MB), and uses only the glyphs the document shows: that table was most of what a rendering allocated and,
   * living as long as the rendering, what filled the old generation (issue 15's profile). A font of the document's own
   * characters makes it as small as the document. The glyphs, their widths and the font's metrics are the original's,
   * so the layout is the same; PDFBox then subsets this font again to the glyphs used, as before.
   *
   * @return the cut font, or {@code null} where the document has a character beyond Unicode's first plane that the
   *     font has (a rare name character of CJK Extension B, say, in a configured font that covers it): fontbox writes
   *     the cut font's character map for the first plane only and refuses the rest, so such a document embeds the
   *     whole font, as before
   */
  static TrueTypeFont subset(TrueTypeFont font, Set<Integer> characters) throws IOException {
    var map = font.getUnicodeCmapLookup();
    if (characters.stream().anyMatch(c -> c > 0xFFFF && map.getGlyphId(c) != 0)) {
      return null;
    }
    TTFSubsetter subsetter = new TTFSubsetter(font, SUBSET_TABLES);
    subsetter.addAll(characters);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    subsetter.writeToStream(bytes);
    return new TTFParser().parse(new RandomAccessReadBuffer(bytes.toByteArray()));
  }

  /**
   * Every character the document can show: its text and attributes (entities decoded; the markup's own ASCII is no
   * harm), and, whatever the document, printable ASCII, Latin-1 and the punctuation the renderer may set by itself
   * (list numbers, quotation marks, an ellipsis). Not more: fontbox's subsetter takes time in the square of the
   * glyphs it keeps.
   */
  static Set<Integer> charactersOf(Document parsed) {
    Set<Integer> characters = new HashSet<>(ALWAYS);
    parsed.outerHtml().codePoints().forEach(characters::add);
    return characters;
  }

  private LoadedFont borrowFont() {
    LoadedFont waiting = idle.poll();
    if (waiting != null) {
      return waiting;
    }
    try {
      fontsParsed.incrementAndGet();
      return loadFont();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the PDF font " + fontFile, e);
    }
  }

  private static void closeQuietly(LoadedFont loaded) {
    try {
      loaded.close();
    } catch (IOException e) {
      log.debug("Closing a PDF font failed", e);
    }
  }

  /** The font of this rendering, parsed from the bytes read at start-up; a collection stays open while it is used. */
  private LoadedFont loadFont() throws IOException {
    if (collection) {
      TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(font));
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(ttf -> {
        if (first[0] == null) {
          first[0] = ttf;
        }
      });
      if (first[0] == null) {
        ttc.close();
        throw new IOException("the font collection is empty");
      }
      return new LoadedFont(first[0], ttc);
    }
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
    return new LoadedFont(ttf, ttf);
  }

  private record LoadedFont(TrueTypeFont font, Closeable owner) implements Closeable {
    @Override
    public void close() throws IOException {
      owner.close();
    }
  }
}
