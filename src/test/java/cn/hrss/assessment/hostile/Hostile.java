package cn.hrss.assessment.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of what an attacker or a broken client sends. */
final class Hostile {

  private Hostile() {}

  /** Markup and injection payloads that must reach pages and mails as text, never as markup or code. */
  static final List<String> MARKUP = List.of(
      "<script>alert('xss')</script>",
      "\"><img src=x onerror=alert(1)>",
      "<a href=\"javascript:alert(1)\">点我</a>",
      "<iframe src=//evil.example></iframe>",
      "</title><script>alert(2)</script>",
      "<svg/onload=alert(3)>",
      "'; DROP TABLE filing_application; --",
      "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
      "${7*7}#{7*7}{{7*7}}",
      "&lt;already escaped&gt; &amp;");

  static final List<String> TRAVERSAL = List.of(
      "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "C:\\Windows\\System32\\drivers\\etc\\hosts",
      "....//....//etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%c0%af..%c0%afetc", "/dev/null", "\\\\server\\share\\x",
      "materials/../../../x", "a/../../b", ".", "..", "...", "~/.ssh/authorized_keys", "CON", "aux.pdf", "nul");

  /** C0 controls (NUL first), DEL, and the Unicode format characters that reorder or hide text. */
  static final String CONTROLS = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f";

  static Arbitrary<String> markup() {
    return Combinators.combine(Arbitraries.of(MARKUP), Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(6))
        .as((payload, text) -> text + payload + text);
  }

  /** Text containing at least one control character other than tab, line feed and carriage return. */
  static Arbitrary<String> withControl() {
    return Combinators.combine(Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(8),
            Arbitraries.strings().withChars(CONTROLS).ofMinLength(1).ofMaxLength(3),
            Arbitraries.strings().alpha().ofMaxLength(8))
        .as((a, control, b) -> a + control + b);
  }

  /** Text longer than {@code max} characters (up to about 20 times, at least 50,000 at the upper end). */
  static Arbitrary<String> longerThan(int max) {
    return Arbitraries.integers().between(max + 1, Math.max(max * 20, 50_000))
        .map(length -> "长".repeat(length));
  }

  /** Strings of any code point, including unpaired surrogates, controls and private use. */
  static Arbitrary<String> anything() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40), markup(), withControl(),
        Arbitraries.of(TRAVERSAL), Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(300));
  }

  /** Bodies that are not a JSON object of the expected shape. */
  static Arbitrary<String> malformedJson() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "{", "}", "{\"name\":", "[1,2", "nul", "tru", "\"text\"", "42", "[]", "{\"a\":1}}",
            "{'name':'单引号'}", "{\"name\":\"\\uZZZZ\"}", "\u0000", "\uFEFF{}", "{\"name\" \"x\"}", "{,}",
            "{\"name\":NaN}", "<xml/>", "name=张三&contact=x"),
        Arbitraries.integers().between(1_001, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        Arbitraries.integers().between(1_001, 3_000).map(digits -> "{\"content\":" + "9".repeat(digits) + "}"),
        Arbitraries.strings().all().ofMaxLength(60).filter(s -> !s.isBlank() && !s.strip().startsWith("{")));
  }

  /** A JSON value of a type other than string (a string field must refuse it). */
  static Arbitrary<Object> notAString() {
    return Arbitraries.oneOf(
        Arbitraries.of(List.of(), List.of("a", "b"), java.util.Map.of(), java.util.Map.of("nested", "值")).map(o -> (Object) o),
        Arbitraries.strings().alpha().list().ofMinSize(1).ofMaxSize(3).map(o -> (Object) o));
  }

  /** A client address for X-Forwarded-For (documentation ranges), so per-client limits of one try never meet another's. */
  static Arbitrary<String> clientAddress() {
    return Arbitraries.integers().between(1, 254).tuple3()
        .map(t -> "198." + (18 + t.get1() % 2) + "." + t.get2() + "." + t.get3());
  }
}
