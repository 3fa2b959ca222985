/**
 * Test infrastructure shared by all features.
 *
 * <h2>Kinds of tests</h2>
 * <ul>
 *   <li>{@code *Test}: plain unit tests, run by surefire in {@code mvn test}.</li>
 *   <li>{@code *IT}: Spring Boot tests annotated {@link cn.hrss.assessment.support.IntegrationTest}, run by
 *       failsafe in {@code mvn verify} TWICE: execution {@code h2} (in-memory H2, one database per Spring
 *       context) and execution {@code postgres} (one embedded PostgreSQL 17 per JVM, one fresh database per
 *       Spring context; {@link cn.hrss.assessment.support.TestDatabase}). Reports:
 *       {@code target/failsafe-reports/h2} and {@code target/failsafe-reports/postgres}. A test that only
 *       makes sense on PostgreSQL: {@code @EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY,
 *       matches = "postgres")}.</li>
 * </ul>
 * Surefire also takes classes whose name STARTS with {@code Test} ({@code TestFoo*}) as unit tests: don't
 * name an {@code *IT} that way.
 * One test class: {@code mvn -o -B verify -Dit.test=MyIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * (both executions). Only on H2: {@code mvn -o -B test-compile failsafe:integration-test@h2 -Dit.test=MyIT}.
 *
 * <h2>In an {@code @IntegrationTest}</h2>
 * <pre>{@code
 * @IntegrationTest
 * class FilingProcessIT {
 *   @Autowired Jobs jobs;
 *   @LocalServerPort int port;               // HTTP on a random port; users of CONTRACT.md, password = id
 *
 *   @BeforeEach void clean() { TestMail.reset(); }
 *   @AfterEach void clock() { jobs.resetClock(); }
 *
 *   @Test void acceptanceDeadline() {
 *     jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 9, 0));   // Beijing time, engine clock (ClockUtil)
 *     ... start the process ...
 *     jobs.runDue();                                          // async steps, notices, due timers
 *     assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
 *   }
 * }
 * }</pre>
 * <ul>
 *   <li>The job executor is off: nothing asynchronous happens until {@link cn.hrss.assessment.support.Jobs#runDue()}.
 *       It runs every due job of the (shared, cached) context, so a test must not leave failing jobs behind.</li>
 *   <li>Contexts are cached across test classes with the same configuration: data of other tests is
 *       visible; use unique business keys and query by them.</li>
 *   <li>Camunda's login lock-out after wrong passwords is off in the test profile.</li>
 *   <li>{@link cn.hrss.assessment.support.HtmlChecker}: the W3C's Nu Html Checker as a library;
 *       {@code assertThat(new HtmlChecker().errors(html)).isEmpty()} for a page or a mail.</li>
 * </ul>
 */
package cn.hrss.assessment.support;
