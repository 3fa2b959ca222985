package cn.hrss.assessment.discipline;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The articles of 002 Annex 2 Art. 5-15: who they apply to, which items exist, where the gravity matters,
 * and their Chinese text (discipline/articles.properties) for the reasons in notices and decision letters.
 */
@Component
public class ViolationCatalog {

  /** One article: the party it applies to, the staff role for Art. 9-11, its items, items that need a gravity. */
  record Article(int number, PartyType party, StaffRole staffRole, Set<Integer> items, Set<Integer> itemsWithGravity) {}

  private static final Map<Integer, Article> ARTICLES = Map.ofEntries(
      article(5, PartyType.CANDIDATE, null, range(4), Set.of()),
      article(6, PartyType.CANDIDATE, null, range(5), Set.of()),
      // Art. 7: 情节轻微 → 2 years, 情节严重 → 5 years: the gravity is required for every item.
      article(7, PartyType.CANDIDATE, null, range(7), range(7)),
      // Art. 8 has no items of its own; the item names the article (5, 6, 7) applied after the event (our choice).
      article(8, PartyType.CANDIDATE, null, Set.of(5, 6, 7), Set.of(7)),
      article(9, PartyType.STAFF, StaffRole.EXAM_ADMIN, range(5), Set.of()),
      article(10, PartyType.STAFF, StaffRole.EXAMINER, range(3), Set.of()),
      article(11, PartyType.STAFF, StaffRole.SUPERVISOR, Set.of(1), Set.of()),
      article(12, PartyType.INSTITUTION, null, range(4), Set.of()),
      // Art. 13(4) "包过""保过": 000 §三 adds 移送 where 情节严重; the gravity may be given (SERIOUS → referral), absent = minor.
      article(13, PartyType.INSTITUTION, null, range(7), Set.of()),
      article(14, PartyType.INSTITUTION, null, range(8), Set.of()),
      // Art. 15 para. 1 = item 1 (视情节给予警告、暂停评价活动、直至终止备案: a scale the officer chooses from at the
      // decision, no 轻微/严重 split in the text); para. 2 = item 2, which also applies to 人员 (see partyFits).
      article(15, PartyType.INSTITUTION, null, Set.of(1, 2), Set.of()));

  private final Properties texts = new Properties();

  public ViolationCatalog() {
    try (Reader reader = new InputStreamReader(
        ViolationCatalog.class.getResourceAsStream("/discipline/articles.properties"), StandardCharsets.UTF_8)) {
      texts.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Article> article(int number) {
    return Optional.ofNullable(ARTICLES.get(number));
  }

  /** The article's text followed by the item's text, as quoted in the reasons of a notice or decision. */
  public String reasons(int article, int item) {
    return texts.getProperty("art." + article, "第" + article + "条") + texts.getProperty("art." + article + "." + item, "");
  }

  public String itemText(int article, int item) {
    return texts.getProperty("art." + article + "." + item, "");
  }

  public String source() {
    return texts.getProperty("source");
  }

  public String recidivismNote() {
    return texts.getProperty("recidivism");
  }

  /** Chinese names of comma-separated sanction codes. */
  public List<String> sanctionNames(String codes) {
    if (codes == null || codes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
        .map(c -> texts.getProperty("sanction." + c, c)).toList();
  }

  /** Checks article, item and gravity for the party; adds a Chinese message per problem to {@code problems}. */
  void check(PartyType party, StaffRole staffRole, Integer article, Integer item, String severity, String prefix,
      java.util.function.BiConsumer<String, String> problems) {
    if (article == null) {
      return;
    }
    Article a = ARTICLES.get(article);
    if (a == null) {
      problems.accept(prefix + "Article", "条款必须是第5条至第15条之一");
      return;
    }
    if (party != null && !partyFits(a, item, party)) {
      problems.accept(prefix + "Article", "第" + article + "条" + (article == 15 ? "第" + item + "项" : "") + "不适用于" + party.label());
      return;
    }
    if (a.staffRole() != null && staffRole != null && a.staffRole() != staffRole) {
      problems.accept(prefix + "Article", "第" + article + "条适用于" + a.staffRole().label() + "，当事人为" + staffRole.label());
    }
    if (item == null) {
      return;
    }
    if (!a.items().contains(item)) {
      problems.accept(prefix + "Item", "第" + article + "条没有第" + item + "项（可选：" + a.items() + "）");
      return;
    }
    boolean gravity = a.itemsWithGravity().contains(item);
    if (gravity && (severity == null || severity.isBlank())) {
      problems.accept(severityField(prefix), "第" + article + "条区分情节轻重，必须选择 MINOR（轻微）或 SERIOUS（严重）");
    } else if (severity != null && !severity.isBlank() && !Set.of("MINOR", "SERIOUS").contains(severity)) {
      problems.accept(severityField(prefix), "取值必须是 MINOR / SERIOUS 之一");
    } else if (article == 12 && "SERIOUS".equals(severity)) {
      // 002 Annex 2 Art. 13(1): Art. 12 cases 情节严重 are Art. 13 item 1, with its own sanctions.
      problems.accept(severityField(prefix), "第十二条所列情况情节严重的，应认定为第十三条第（一）项");
    }
  }

  /**
   * 002 Annex 2 Art. 15 para. 2: "对造成上述问题的相关机构、人员" — the data-security item applies to staff as well as to
   * institutions (any staff role).
   */
  private static boolean partyFits(Article a, Integer item, PartyType party) {
    return a.party() == party || (a.number() == 15 && Integer.valueOf(2).equals(item) && party == PartyType.STAFF);
  }

  private static String severityField(String prefix) {
    return prefix.isEmpty() ? "severity" : prefix + "Severity";
  }

  /** Whether the article/item distinguishes gravity (the DMN then needs a severity). */
  boolean needsGravity(int article, int item) {
    Article a = ARTICLES.get(article);
    return a != null && a.itemsWithGravity().contains(item);
  }

  private static Map.Entry<Integer, Article> article(int n, PartyType party, StaffRole role, Set<Integer> items,
      Set<Integer> gravity) {
    return Map.entry(n, new Article(n, party, role, items, gravity));
  }

  private static Set<Integer> range(int count) {
    Integer[] items = new Integer[count];
    for (int i = 0; i < count; i++) {
      items[i] = i + 1;
    }
    return Set.of(items);
  }
}
