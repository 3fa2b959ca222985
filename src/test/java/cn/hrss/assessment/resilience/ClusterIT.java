package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cluster test (issue 5 item 3): two application JVMs on one PostgreSQL database, both with the job executor on.
 * Cases are submitted on node A and their tasks completed (and waiting periods shortened) on node B, so every
 * case crosses nodes, and the job executors of both nodes compete for the same async steps, timers and notices.
 * Then: every job ran once and every activity once (history), every notice reached the sink under one Message-ID
 * per case, template and recipients, no incident ({@link Invariants}).
 *
 * <p>The nodes start at the same moment on the empty database: one creates Camunda's schema, runs the Flyway
 * migrations and deploys the models while the other waits for it (workflow.PostgresStartupLock), then finds them in
 * place.
 */
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class ClusterIT {

  static final int FILINGS = 5;
  static final int DISCIPLINE_CASES = 5;

  @Test
  void twoNodesOnOneDatabase_runEveryJobOnceAndSendEveryNoticeUnderOneMessageId() throws Exception {
    TestMail.reset();
    String url = Resilience.freshDatabase();
    JdbcTemplate db = Resilience.jdbc(url);
    Http http = new Http();
    // Materials are files: the nodes share the storage directory, as they would share a volume.
    Map<String, String> properties = Resilience.applicationProperties(url, Resilience.materialsDirectory("cluster"));

    try (ApplicationJvm a = ApplicationJvm.of("cluster-a", properties);
         ApplicationJvm b = ApplicationJvm.of("cluster-b", properties)) {
      // Both at once on the empty database (issue 16): the start-up lock lets one create the schema while the other
      // waits, and both serve.
      var starting = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var startA = starting.submit(() -> a.start(Duration.ofMinutes(4)));
        var startB = starting.submit(() -> b.start(Duration.ofMinutes(4)));
        startA.get();
        startB.get();
      } finally {
        starting.shutdownNow();
      }
      CaseDriver.log("ClusterIT: both nodes up; a node waited for the other's start-up: "
          + (Files.readString(a.log()) + Files.readString(b.log())).contains("Another node of this database is starting"));
      DrivenCase.Apps apps = new DrivenCase.Apps() {
        @Override
        public String intake() {
          return a.baseUrl();
        }

        @Override
        public String office() {
          return b.baseUrl();
        }
      };

      FilingCase institution = new FilingCase(1, http, db, apps);
      new CaseDriver(List.of(institution), 1).run(Duration.ofMinutes(2));
      List<DrivenCase> cases = new ArrayList<>();
      for (int i = 0; i < Math.max(FILINGS, DISCIPLINE_CASES); i++) {
        if (i < FILINGS) {
          cases.add(new FilingCase(2 + i, http, db, apps));
        }
        if (i < DISCIPLINE_CASES) {
          cases.add(new DisciplineCase(1 + i, i % 2 == 0, institution.filingCode(), http, db, apps));
        }
      }
      new CaseDriver(cases, 3).run(Duration.ofMinutes(4));

      cases.add(institution);
      Invariants invariants = new Invariants(db, TestMail.server(), cases);
      List<String> violations = invariants.check();
      CaseDriver.log("ClusterIT:\n" + invariants.report() + "\nnotices sent by node A: " + noticesSentBy(a)
          + ", by node B: " + noticesSentBy(b));
      assertThat(violations).as("invariants of the cluster (logs %s, %s)", a.log(), b.log()).isEmpty();
    }
  }

  /** How many notices this node's job executor sent (NotificationService logs each). */
  private static long noticesSentBy(ApplicationJvm node) throws IOException {
    try (var lines = Files.lines(node.log())) {
      return lines.filter(line -> line.contains("NotificationService") && line.contains(" sent to ")).count();
    }
  }
}
