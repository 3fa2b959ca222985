package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crash test (issue 5 item 2): the packaged application as a separate JVM on the embedded PostgreSQL with the
 * GreenMail sink; clients drive filings and disciplinary cases through HTTP; at a random moment the application is
 * killed with SIGKILL, restarted on the same database, and the cases are finished. Then nothing may be lost or
 * doubled ({@link Invariants}).
 *
 * <p>The moment is "after the n-th client action, plus a few milliseconds" or, for one seed in three, "up to 1.5 s
 * after the first submission started, amid the burst of submissions" (so that a submission stored but never
 * answered is likelier), all drawn from a seed that is printed;
 * {@code -Dcrash.seed=<seed>} repeats the same choice (the application's own timing still varies). PostgreSQL only by
 * nature (one JVM must outlive the other's death with the data): failsafe's {@code postgres} execution runs it.
 */
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class CrashIT {

  static final int FILINGS = 5;
  static final int DISCIPLINE_CASES = 5;
  /** Client actions a filing (submit, accept, 3 opinions, notice period, decision, end) and a case take, about. */
  static final int ACTIONS_PER_CASE = 7;

  @Test
  void killedAtARandomMomentAndRestarted_theApplicationLosesAndDoublesNothing() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    CaseDriver.log("CrashIT seed " + seed + " (repeat with -Dcrash.seed=" + seed + ")");
    TestMail.reset();
    String url = Resilience.freshDatabase();
    JdbcTemplate db = Resilience.jdbc(url);
    Http http = new Http();

    try (ApplicationJvm app = ApplicationJvm.of("crash-app",
        Resilience.applicationProperties(url, Resilience.materialsDirectory("crash")))) {
      app.start(Duration.ofMinutes(3));
      DrivenCase.Apps apps = DrivenCase.Apps.of(app);

      // The institution the disciplinary cases concern: filed first, before the crash window.
      FilingCase institution = new FilingCase(1, http, db, apps);
      new CaseDriver(List.of(institution), 1).run(Duration.ofMinutes(2));
      String filingCode = institution.filingCode();

      List<DrivenCase> cases = new ArrayList<>();
      for (int i = 0; i < Math.max(FILINGS, DISCIPLINE_CASES); i++) {
        if (i < FILINGS) {
          cases.add(new FilingCase(2 + i, http, db, apps));
        }
        if (i < DISCIPLINE_CASES) {
          cases.add(new DisciplineCase(1 + i, random.nextBoolean(), filingCode, http, db, apps));
        }
      }
      // Two more are left waiting in a period of days (public notice; appeal window): they must still wait there.
      cases.add(new FilingCase(2 + FILINGS, http, db, apps).waitingAt("Event_PublicNoticePeriodEnded"));
      cases.add(new DisciplineCase(1 + DISCIPLINE_CASES, false, filingCode, http, db, apps)
          .waitingAt("Event_AppealWindowClosed"));
      boolean duringASubmission = random.nextInt(3) == 0;
      long killAfterAction = duringASubmission ? 0 : 3 + random.nextInt((int) (cases.size() * ACTIONS_PER_CASE * 0.7));
      long extraMillis = duringASubmission ? random.nextInt(1500) : random.nextInt(500);
      CaseDriver.log("CrashIT: kill -9 " + (duringASubmission ? "during the first submission in flight"
          : "after client action " + killAfterAction) + " + " + extraMillis + " ms");

      CaseDriver driver = new CaseDriver(cases, 3);
      CountDownLatch moment = new CountDownLatch(1);
      driver.afterAction(n -> {
        if (n >= killAfterAction) {
          moment.countDown();
        }
      });
      AtomicBoolean driverDone = new AtomicBoolean();
      AtomicReference<Integer> exitValue = new AtomicReference<>();
      List<String> lockedAtTheKill = new CopyOnWriteArrayList<>();
      AtomicReference<Throwable> killerFailure = new AtomicReference<>();
      Thread killer = new Thread(() -> {
        try {
          if (duringASubmission) {
            while (!driverDone.get() && DrivenCase.InFlight.snapshot().values().stream().noneMatch(a -> a.endsWith(": submit"))) {
              Thread.sleep(2);
            }
          } else if (!moment.await(5, TimeUnit.MINUTES)) {
            return;
          }
          if (driverDone.get()) {
            return; // the driver stopped first (a failure): no kill
          }
          Thread.sleep(extraMillis);
          var inFlight = DrivenCase.InFlight.snapshot();
          Instant at = Instant.now();
          exitValue.set(app.kill());
          List<Map<String, Object>> locked = lockedJobs(db);
          locked.forEach(job -> lockedAtTheKill.add((String) job.get("ID_")));
          CaseDriver.log("CrashIT: KILLED pid " + app.pid() + " at " + at + " after " + driver.actions()
              + " client actions; exit value " + exitValue.get() + "\n  clients in flight: " + inFlight
              + "\n  jobs locked by the dead JVM: " + locked
              + "\n  notices not yet sent: " + db.queryForList(
                  "SELECT idempotency_key, status, attempts FROM notice WHERE status NOT IN ('SENT', 'SKIPPED')"));
          app.start(Duration.ofMinutes(3));
          CaseDriver.log("CrashIT: restarted on the same database");
        } catch (Throwable e) {
          killerFailure.set(e);
        }
      }, "killer");
      killer.start();
      try {
        driver.run(Duration.ofMinutes(5));
      } finally {
        driverDone.set(true);
        moment.countDown(); // never leave the killer waiting
        killer.join();
      }
      assertThat(killerFailure.get()).as("kill and restart").isNull();
      assertThat(exitValue.get()).as("the application was killed with SIGKILL (exit value 128 + 9)")
          .isEqualTo(ApplicationJvm.KILLED_EXIT_VALUE);

      List<DrivenCase> all = new ArrayList<>(cases);
      all.add(institution);
      Invariants invariants = new Invariants(db, TestMail.server(), all);
      List<String> violations = new ArrayList<>(invariants.check());
      violations.addAll(invariants.ranOnceAfterTheirOwnerDied(lockedAtTheKill));
      CaseDriver.log("CrashIT seed " + seed + ":\n" + invariants.report() + "\nrequests without answer: "
          + driver.unanswered().size());
      assertThat(violations).as("invariants after the crash (seed %d, log %s)", seed, app.log()).isEmpty();
    }
  }

  private static List<Map<String, Object>> lockedJobs(JdbcTemplate db) {
    return db.queryForList("SELECT j.ID_, j.HANDLER_TYPE_, d.ACT_ID_, j.LOCK_EXP_TIME_ FROM ACT_RU_JOB j"
        + " LEFT JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ WHERE j.LOCK_OWNER_ IS NOT NULL");
  }
}
