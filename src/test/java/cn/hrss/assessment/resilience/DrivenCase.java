package cn.hrss.assessment.resilience;

import cn.hrss.assessment.resilience.Http.Answer;
import cn.hrss.assessment.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One case (a filing or a disciplinary case) driven through HTTP as its clients would drive it: the applicant or
 * officer submits it on the {@code intake} application, officers and experts complete its tasks through engine
 * REST (as Tasklist does) on the {@code office} application. A small state machine that reads where the case
 * stands on every {@link #step()} and does the next thing, so that it carries on after the application died under
 * it; a request without an answer ({@link Http.Unreachable}) is simply looked at again on the next step.
 *
 * <p>Waiting periods (public notice, statement and appeal windows) last days; the driver shortens them the way an
 * operator could, by setting the due date of the waiting timer job to now through engine REST
 * ({@code PUT /engine-rest/job/{id}/duedate}). The job executor of the application then fires it like any other
 * due timer: what happens after the window closed is the real code path, only the wait is skipped.
 */
abstract class DrivenCase {

  /**
   * Outcome of the submission as the client saw it: answered at once, unanswered (the node died or the connection
   * broke), or answered when the client sent it again with its Idempotency-Key (the recorded first answer, or a
   * first creation if the lost request had not committed).
   */
  enum Submission { NOT_YET, ACKNOWLEDGED, UNKNOWN, RETRIED }

  static final String ADMIN = "admin";

  protected final String marker;
  protected final Http http;
  protected final JdbcTemplate db;
  protected final Apps apps;
  protected Submission submission = Submission.NOT_YET;
  /** Sent with every attempt of the submission (issue 16): a retry after a lost answer creates nothing new. */
  protected final String idempotencyKey = java.util.UUID.randomUUID().toString();
  protected String businessKey;
  protected String token;
  protected boolean finished;
  /** A timer this case is left waiting at (its period not skipped), or null to drive it to its end. */
  protected String waitsAt;

  /** Where the driver sends requests: cases start on {@code intake}, tasks are done on {@code office}. */
  interface Apps {
    String intake();

    String office();

    /** One application for both (its address is read at each request: the same across restarts). */
    static Apps of(cn.hrss.assessment.support.ApplicationJvm app) {
      return new Apps() {
        @Override
        public String intake() {
          return app.baseUrl();
        }

        @Override
        public String office() {
          return app.baseUrl();
        }
      };
    }
  }

  DrivenCase(String marker, Http http, JdbcTemplate db, Apps apps) {
    this.marker = marker;
    this.http = http;
    this.db = db;
    this.apps = apps;
  }

  abstract String processKey();

  abstract String expectedEnd();

  /** Submits the case; returns the answer (201 with the business key and token on success). */
  abstract Answer submit();

  /** The variables to complete this task with (engine REST form), and who completes it. */
  abstract Completion completionOf(JsonNode task);

  /** Something the client does while the process waits without a task, if any (e.g. a statement). */
  Optional<String> clientActionWhileWaiting(String processInstanceId) {
    return Optional.empty();
  }

  /** The timers whose waiting period the driver skips, by activity id. */
  abstract List<String> skippableTimers();

  record Completion(String user, Map<String, Object> variables) {}

  /** Does the next thing this case needs, if anything; returns what it did (for the log), or empty. */
  final Optional<String> step() {
    if (finished) {
      return Optional.empty();
    }
    if (businessKey == null) {
      return Optional.of(submitOrRetry());
    }
    Answer history = http.get(apps.office() + "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + businessKey + "&processDefinitionKey=" + processKey(), Http.basic(ADMIN));
    if (!history.is(200) || history.body().size() == 0) {
      return Optional.empty(); // not visible yet
    }
    JsonNode instance = history.body().get(0);
    if (!"ACTIVE".equals(instance.get("state").asText())) {
      finished = true;
      return Optional.of(this + " ended (" + instance.get("state").asText() + ")");
    }
    String processInstanceId = instance.get("id").asText();
    Answer tasks = http.get(apps.office() + "/engine-rest/task?processInstanceId=" + processInstanceId, Http.basic(ADMIN));
    if (tasks.is(200) && tasks.body().size() > 0) {
      JsonNode task = tasks.body().get(0);
      Completion completion = completionOf(task);
      String what = this + ": " + completion.user() + " completes " + task.get("taskDefinitionKey").asText();
      InFlight.set(what);
      Answer done = http.post(apps.office() + "/engine-rest/task/" + task.get("id").asText() + "/complete",
          Http.basic(completion.user()), Map.of("variables", typed(completion.variables())));
      // 404: completed already by a request whose answer was lost. A concurrent change of the same process instance
      // (by a job) is answered 500 OptimisticLockingException: the user tries again, as in Tasklist. Anything else
      // is a failure of the test.
      if (done.is(500) && done.body() != null && done.body().path("type").asText().contains("OptimisticLocking")) {
        return Optional.of(what + " → 500 concurrent change, again later");
      }
      if (!done.is(204) && !done.is(404)) {
        throw new AssertionError(what + " refused: " + done);
      }
      return Optional.of(what + " → " + done.status());
    }
    Optional<String> client = clientActionWhileWaiting(processInstanceId);
    if (client.isPresent()) {
      return client;
    }
    for (String timer : skippableTimers()) {
      Answer jobs = http.get(apps.office() + "/engine-rest/job?processInstanceId=" + processInstanceId
          + "&activityId=" + timer, Http.basic(ADMIN));
      if (jobs.is(200)) {
        if (timer.equals(waitsAt) && jobs.body().size() > 0) {
          finished = true; // left waiting: the invariants check it still waits there at the end
          return Optional.of(this + " is left waiting at " + timer + " until " + jobs.body().get(0).get("dueDate").asText());
        }
        for (JsonNode job : jobs.body()) {
          if (job.path("dueDate").isTextual() && parse(job.get("dueDate").asText()).after(TestClock.childJvmNow())) {
            String what = this + ": due date of timer " + timer + " set to now";
            InFlight.set(what);
            Answer moved = http.put(apps.office() + "/engine-rest/job/" + job.get("id").asText() + "/duedate",
                Http.basic(ADMIN), Map.of("duedate", format(TestClock.childJvmNow())));
            if (!moved.is(204) && !moved.is(404)) {
              throw new AssertionError(what + " refused: " + moved);
            }
            return Optional.of(what + " → " + moved.status());
          }
        }
      }
    }
    return Optional.empty(); // async steps or a due timer are the job executor's to run
  }

  private String submitOrRetry() {
    boolean retry = submission == Submission.UNKNOWN;
    InFlight.set(this + ": submit");
    try {
      Answer answer = submit();
      if (answer.is(201)) {
        businessKey = answer.body().has("applicationNo") ? answer.body().get("applicationNo").asText()
            : answer.body().get("caseNo").asText();
        token = answer.body().get("accessToken").asText();
        submission = retry ? Submission.RETRIED : Submission.ACKNOWLEDGED;
        return this + (retry ? ": unanswered submission sent again with its key, 201"
            + (answer.replayed() ? " (the recorded answer)" : " (it had not been stored)") : ": submitted, 201");
      }
      throw new AssertionError(this + ": submission refused: " + answer);
    } catch (Http.Unreachable e) {
      submission = Submission.UNKNOWN;
      throw e;
    }
  }

  /** The submission's headers: {@code auth} and the case's Idempotency-Key. */
  HttpHeaders withIdempotencyKey(HttpHeaders auth) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(auth);
    headers.set("Idempotency-Key", idempotencyKey);
    return headers;
  }

  /** Engine REST variables with explicit types (the completion rules check types). */
  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
        "type", value instanceof Integer ? "Integer" : value instanceof Boolean ? "Boolean" : "String")));
    return typed;
  }

  private static SimpleDateFormat restFormat() {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ"); // engine REST's date format
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format;
  }

  static String format(Date date) {
    return restFormat().format(date);
  }

  static Date parse(String date) {
    try {
      return restFormat().parse(date);
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException(date, e);
    }
  }

  /** Where the case stands (for the message of a timeout): activities so far, open tasks, jobs, incidents. */
  String describe() {
    if (businessKey == null) {
      return this + ": " + submission;
    }
    try {
      Answer history = http.get(apps.office() + "/engine-rest/history/process-instance?processInstanceBusinessKey="
          + businessKey, Http.basic(ADMIN));
      if (!history.is(200) || history.body().size() == 0) {
        return this + ": no process instance";
      }
      String id = history.body().get(0).get("id").asText();
      StringBuilder out = new StringBuilder(this + " (" + id + ", " + history.body().get(0).get("state").asText() + "):");
      Answer activities = http.get(apps.office() + "/engine-rest/history/activity-instance?processInstanceId=" + id
          + "&sortBy=startTime&sortOrder=asc", Http.basic(ADMIN));
      activities.body().forEach(a -> out.append("\n    ").append(a.get("activityId").asText())
          .append(a.path("endTime").isNull() ? " (open)" : ""));
      out.append("\n    tasks: ").append(http.get(apps.office() + "/engine-rest/task?processInstanceId=" + id,
          Http.basic(ADMIN)));
      out.append("\n    jobs: ").append(http.get(apps.office() + "/engine-rest/job?processInstanceId=" + id,
          Http.basic(ADMIN)));
      out.append("\n    incidents: ").append(http.get(apps.office() + "/engine-rest/incident?processInstanceId=" + id,
          Http.basic(ADMIN)));
      return out.toString();
    } catch (RuntimeException e) {
      return this + ": " + e.getMessage();
    }
  }

  /** Leaves the case waiting at this timer (e.g. a public notice period) instead of skipping it. */
  DrivenCase waitingAt(String timerActivityId) {
    this.waitsAt = timerActivityId;
    return this;
  }

  String waitsAt() {
    return waitsAt;
  }

  /** The domain status of a case waiting at {@link #waitsAt()}. */
  abstract String statusWhileWaiting();

  boolean finished() {
    return finished;
  }

  String businessKey() {
    return businessKey;
  }

  Submission submission() {
    return submission;
  }

  String marker() {
    return marker;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + (businessKey != null ? businessKey : marker) + "]";
  }

  /** What each driver thread is doing right now, to print what was in flight at the kill. */
  static final class InFlight {
    private static final Map<String, String> CURRENT = new java.util.concurrent.ConcurrentHashMap<>();

    static void set(String what) {
      CURRENT.put(Thread.currentThread().getName(), what);
    }

    static void clear() {
      CURRENT.remove(Thread.currentThread().getName());
    }

    static Map<String, String> snapshot() {
      return Map.copyOf(CURRENT);
    }
  }
}
