package cn.hrss.assessment.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 双随机 draw (浙江 监督管理办法 Art. 12, 浙江 机构管理办法 Art. 27; 001 督导规程 Art. 8 随机抽调) as a pure function of its seed and its
 * recorded candidates: the same seed and the same candidate lists give the same result on any JVM, so a published
 * draw can be recomputed by anyone who has its record.
 *
 * <p>Steps, each taking numbers from one {@link Random} seeded with the seed (its algorithm is fixed by the Java SE
 * specification, unlike {@code SecureRandom}'s):
 * <ol>
 *   <li>the institutions that declared plans, in filing-code order, are shuffled; the first {@code count} are drawn;</li>
 *   <li>for each drawn institution (in draw order) one of its plans (in plan-number order) is drawn;</li>
 *   <li>for each drawn plan (in draw order) its eligible supervisors (in user-id order: the pool minus the plan's
 *       recorded exclusions minus those this draw already sent elsewhere that day, 001 督导规程 Art. 16) are
 *       shuffled; the first {@code teamSize} are the team, the first of them leads.</li>
 * </ol>
 * Shuffles are Fisher-Yates with {@link Random#nextInt(int)}.
 */
public final class SupervisionDraw {

  /** Why a supervisor may not supervise a plan (001 督导规程 Art. 16 回避; issue 14 item 3). */
  public static final String EMPLOYER = "EMPLOYER";
  public static final String RECENT = "RECENT";
  public static final String BUSY = "BUSY";

  /**
   * A plan the draw may pick.
   *
   * @param excluded supervisors who may not supervise it, user id → reason ({@link #EMPLOYER}, {@link #RECENT},
   *     {@link #BUSY}), as found in the database when the draw ran
   */
  public record PlanCandidate(String planNo, String filingCode, LocalDate date, Map<String, String> excluded) {
    public PlanCandidate {
      excluded = excluded == null ? Map.of() : Map.copyOf(excluded);
    }
  }

  /** A drawn plan and its team in draw order. */
  public record Pick(String planNo, String filingCode, List<String> team) {
    public Pick {
      team = List.copyOf(team);
    }
  }

  /** A drawn plan without enough eligible supervisors: how many there were and how many are missing. */
  public record Shortfall(String planNo, String filingCode, int eligible, int missing) {}

  /** What a draw gives. */
  public sealed interface Outcome permits Drawn, TooFewSupervisors, TooFewInstitutions {}

  /** Every drawn plan has its team. */
  public record Drawn(List<Pick> picks) implements Outcome {}

  /** At least one drawn plan has too few eligible supervisors: nothing is to be stored (no partial team). */
  public record TooFewSupervisors(List<Shortfall> shortfalls) implements Outcome {}

  /** Fewer institutions declared plans than the draw is to pick. */
  public record TooFewInstitutions(int available, int requested) implements Outcome {}

  private SupervisionDraw() {}

  /**
   * @param seed the recorded seed
   * @param plans the candidate plans (any order: they are sorted by plan number)
   * @param supervisors the pool's user ids (any order: sorted)
   * @param count how many institutions to draw, at least 1
   * @param teamSize supervisors per plan, at least 1
   */
  public static Outcome draw(long seed, List<PlanCandidate> plans, List<String> supervisors, int count, int teamSize) {
    if (count < 1 || teamSize < 1) {
      throw new IllegalArgumentException("count and teamSize must be at least 1");
    }
    Random random = new Random(seed);
    TreeMap<String, List<PlanCandidate>> byInstitution = new TreeMap<>();
    plans.stream().sorted((a, b) -> a.planNo().compareTo(b.planNo()))
        .forEach(p -> byInstitution.computeIfAbsent(p.filingCode(), k -> new ArrayList<>()).add(p));
    if (byInstitution.size() < count) {
      return new TooFewInstitutions(byInstitution.size(), count);
    }
    List<String> institutions = new ArrayList<>(byInstitution.keySet());
    shuffle(institutions, random);
    List<PlanCandidate> drawnPlans = new ArrayList<>();
    for (String filingCode : institutions.subList(0, count)) {
      List<PlanCandidate> own = byInstitution.get(filingCode);
      drawnPlans.add(own.get(random.nextInt(own.size())));
    }
    List<String> pool = supervisors.stream().distinct().sorted().toList();
    Map<LocalDate, Set<String>> busy = new HashMap<>();
    List<Pick> picks = new ArrayList<>();
    List<Shortfall> shortfalls = new ArrayList<>();
    for (PlanCandidate plan : drawnPlans) {
      Set<String> busyThatDay = busy.computeIfAbsent(plan.date(), d -> new HashSet<>());
      List<String> eligible = new ArrayList<>(pool.stream()
          .filter(id -> !plan.excluded().containsKey(id) && !busyThatDay.contains(id)).toList());
      shuffle(eligible, random);
      if (eligible.size() < teamSize) {
        shortfalls.add(new Shortfall(plan.planNo(), plan.filingCode(), eligible.size(), teamSize - eligible.size()));
        continue;
      }
      List<String> team = eligible.subList(0, teamSize);
      busyThatDay.addAll(team);
      picks.add(new Pick(plan.planNo(), plan.filingCode(), team));
    }
    return shortfalls.isEmpty() ? new Drawn(picks) : new TooFewSupervisors(shortfalls);
  }

  private static <T> void shuffle(List<T> list, Random random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}
