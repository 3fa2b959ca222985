package cn.hrss.assessment.filing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The conditions and prohibitions of the filing guidance per institution type (issue 19 items 1 and 2), as data:
 * {@code filing/intake-checklist.tsv}. The applicant answers the conditions ({@code application.conditions}) and
 * declares the prohibitions ({@code application.declarations}); the acceptance officer confirms every item on
 * {@code Task_ReviewCompleteness} (checkbox {@code confirm_<id>}), and an ACCEPT needs all of them confirmed.
 */
final class IntakeChecklist {

  /** Kinds of line. */
  public enum Kind { CONDITION, PROHIBITION }

  /** One item: the type it applies to, its id, kind, text and the source it cites. */
  public record Item(String institutionType, String id, Kind kind, String text, String source) {
    /** The officer's checkbox on Task_ReviewCompleteness. */
    String confirmKey() {
      return "confirm_" + id;
    }
  }

  static final List<Item> ITEMS = load("filing/intake-checklist.tsv");

  private IntakeChecklist() {}

  /** The items of a type, in file order (none for an unknown type). */
  static List<Item> forType(String institutionType) {
    return ITEMS.stream().filter(i -> i.institutionType().equals(institutionType)).toList();
  }

  static List<Item> conditions(String institutionType) {
    return forType(institutionType).stream().filter(i -> i.kind() == Kind.CONDITION).toList();
  }

  static List<Item> load(String resource) {
    List<Item> items = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 5 || c[4].isBlank()) {
          throw new IllegalStateException(resource + ": five tab-separated columns, the last the source: " + line);
        }
        items.add(new Item(c[0].strip(), c[1].strip(), Kind.valueOf(c[2].strip()), c[3].strip(), c[4].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(items);
  }
}
