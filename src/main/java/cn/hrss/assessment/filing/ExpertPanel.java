package cn.hrss.assessment.filing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Random draw of a technical-review panel (issue 3 item 3) and the majority rule. Pure logic, tested without an
 * engine: who is a member of {@code experts} and who declared what conflict come in as arguments.
 */
final class ExpertPanel {

  /** An expert's declared organisation (employer or a body the expert has a conflict with). */
  record Profile(String userId, String organisation, String creditCode) {}

  /** The outcome of a draw: every expert considered, those excluded for a conflict, and the panel. */
  record Draw(List<String> eligible, List<String> excluded, List<String> panel) {}

  private ExpertPanel() {}

  /**
   * Draws up to {@code size} experts at random, never one whose profile names the applicant's credit code or
   * organisation. Fails if nobody is eligible (a technical problem an operator must fix: an incident).
   */
  static Draw draw(List<String> experts, List<Profile> profiles, String applicantCreditCode, String applicantName,
      int size, Random random) {
    Map<String, Profile> byUser = profiles.stream().collect(Collectors.toMap(Profile::userId, Function.identity(), (a, b) -> a));
    List<String> eligible = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String expert : experts.stream().sorted().toList()) {
      if (conflicted(byUser.get(expert), applicantCreditCode, applicantName)) {
        excluded.add(expert);
      } else {
        eligible.add(expert);
      }
    }
    if (eligible.isEmpty()) {
      throw new IllegalStateException("No expert without a conflict is available for the panel");
    }
    List<String> shuffled = new ArrayList<>(eligible);
    Collections.shuffle(shuffled, random);
    return new Draw(eligible, excluded, List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size()))));
  }

  static boolean conflicted(Profile profile, String creditCode, String organisation) {
    if (profile == null) {
      return false;
    }
    boolean sameCode = profile.creditCode() != null && creditCode != null
        && profile.creditCode().trim().equalsIgnoreCase(creditCode.trim());
    boolean sameOrganisation = profile.organisation() != null && organisation != null
        && normalise(profile.organisation()).equals(normalise(organisation));
    return sameCode || sameOrganisation;
  }

  private static String normalise(String name) {
    return name.replaceAll("[\\s　（）()]", "").toLowerCase(Locale.ROOT);
  }

  /** The application passes when a majority of the panel says PASS. */
  static boolean passes(List<String> opinions, int panelSize) {
    long pass = opinions.stream().filter(FilingProcess.Values.PASS::equals).count();
    return pass * 2 > panelSize;
  }
}
