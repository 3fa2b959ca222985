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

  /** Issue 19 item 7: a technical-review panel never has fewer members (a majority of 3 needs 2 agreeing). */
  static final int MINIMUM_SIZE = 3;

  /** Fewer experts without a conflict than {@link #MINIMUM_SIZE}: the case waits (a business outcome, not a fault). */
  static final class TooFewExperts extends RuntimeException {
    private final Draw draw;

    TooFewExperts(Draw draw) {
      super("Only " + draw.eligible().size() + " expert(s) without a conflict; a panel needs " + MINIMUM_SIZE);
      this.draw = draw;
    }

    Draw draw() {
      return draw;
    }
  }

  private ExpertPanel() {}

  /** The draw for an applicant known by one credit code and name (no group declared). */
  static Draw draw(List<String> experts, List<Profile> profiles, String applicantCreditCode, String applicantName,
      int size, Random random) {
    return draw(experts, profiles, java.util.Arrays.asList(applicantCreditCode),
        java.util.Arrays.asList(applicantName), size, random);
  }

  /**
   * Draws up to {@code size} experts at random, never one whose profile names the applicant's credit code or
   * organisation. Fails if nobody is eligible (a technical problem an operator must fix: an incident).
   */
  static Draw draw(List<String> experts, List<Profile> profiles, List<String> applicantCreditCodes,
      List<String> applicantNames, int size, Random random) {
    Map<String, Profile> byUser = profiles.stream().collect(Collectors.toMap(Profile::userId, Function.identity(), (a, b) -> a));
    List<String> eligible = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String expert : experts.stream().sorted().toList()) {
      // Issue 19 item 7: the applicant itself, its branches, its parent and sister organisations.
      Profile profile = byUser.get(expert);
      boolean conflict = applicantCreditCodes.stream().anyMatch(code -> conflicted(profile, code, null))
          || applicantNames.stream().anyMatch(name -> conflicted(profile, null, name));
      if (conflict) {
        excluded.add(expert);
      } else {
        eligible.add(expert);
      }
    }
    if (eligible.size() < Math.min(MINIMUM_SIZE, size)) {
      // Issue 19 item 7: never a smaller panel; the case waits for experts (InstitutionFilingProcess).
      throw new TooFewExperts(new Draw(eligible, excluded, List.of()));
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
