package cn.hrss.assessment.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The two scorecards of 003 (Annex 1 on-site, Annex 2 question-setting), read once at start from
 * {@code classpath:supervision/scorecard-*.json}. A card whose items do not add up to the section totals it states
 * (Annex 1: 考前 28, 考中 52, 考后 20; Annex 2: 4 × 25) or to 100 stops the start: a mistyped row must never score a
 * supervision.
 */
@Component
public class Scorecards {

  public static final String ON_SITE = "ON_SITE";
  public static final String QUESTION_SETTING = "QUESTION_SETTING";
  private static final List<String> FILES = List.of("supervision/scorecard-on-site.json",
      "supervision/scorecard-question-setting.json");

  private final Map<String, Scorecard> byKind;

  Scorecards(ObjectMapper json) {
    this.byKind = FILES.stream().map(file -> read(json, file))
        .collect(Collectors.toUnmodifiableMap(Scorecard::kind, Function.identity()));
  }

  public Optional<Scorecard> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  static Scorecard read(ObjectMapper json, String resource) {
    try (InputStream in = Scorecards.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("scorecard " + resource + " is missing");
      }
      Scorecard card = json.readValue(in, Scorecard.class);
      check(card, resource);
      return card;
    } catch (IOException e) {
      throw new UncheckedIOException("scorecard " + resource + " cannot be read", e);
    }
  }

  static void check(Scorecard card, String resource) {
    if (!card.computedSectionTotals().equals(card.sectionTotals())) {
      throw new IllegalStateException("scorecard " + resource + ": the items add up to " + card.computedSectionTotals()
          + " per section, the card states " + card.sectionTotals());
    }
    if (card.maxTotal() != 100) {
      throw new IllegalStateException("scorecard " + resource + ": the items add up to " + card.maxTotal() + ", not 100");
    }
    long distinct = card.items().stream().map(Scorecard.Item::id).distinct().count();
    if (distinct != card.items().size() || card.items().stream().anyMatch(item -> item.maxPoints() < 1)) {
      throw new IllegalStateException("scorecard " + resource + ": item ids must be unique and maxima positive");
    }
  }
}
