package cn.hrss.assessment.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Drives cases to their end with a few client threads (each owns every n-th case and steps them in turn), as
 * clients and officers working at once would. Requests that get no answer are logged and the case is looked at
 * again later; a refused request or an unexpected task fails the run. {@link #actions()} counts the requests that
 * changed something (or tried to), which the crash test uses to pick its moment.
 */
final class CaseDriver {

  private final List<? extends DrivenCase> cases;
  private final int threads;
  private final AtomicLong actions = new AtomicLong();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final List<String> unanswered = new CopyOnWriteArrayList<>();
  private volatile LongConsumer afterAction = n -> {};

  CaseDriver(List<? extends DrivenCase> cases, int threads) {
    this.cases = cases;
    this.threads = threads;
  }

  /** Called by the driving thread after each action, with the number of actions so far. */
  CaseDriver afterAction(LongConsumer listener) {
    this.afterAction = listener;
    return this;
  }

  long actions() {
    return actions.get();
  }

  List<String> unanswered() {
    return unanswered;
  }

  /** Drives until every case has ended, a failure, or the timeout; throws on failure or timeout. */
  void run(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<DrivenCase> mine = new ArrayList<>();
      for (int i = t; i < cases.size(); i += threads) {
        mine.add(cases.get(i));
      }
      Thread worker = new Thread(() -> drive(mine, deadline), "driver-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("driving the cases failed: " + failures.get(0).getMessage(), failures.get(0));
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
    List<String> open = cases.stream().filter(c -> !c.finished()).map(DrivenCase::describe).toList();
    if (!open.isEmpty()) {
      throw new AssertionError("cases still open after " + timeout + ":\n  " + String.join("\n  ", open));
    }
  }

  private void drive(List<DrivenCase> mine, Instant deadline) {
    while (failures.isEmpty() && Instant.now().isBefore(deadline) && mine.stream().anyMatch(c -> !c.finished())) {
      boolean didSomething = false;
      for (DrivenCase c : mine) {
        try {
          Optional<String> done = c.step();
          if (done.isPresent()) {
            didSomething = true;
            log(done.get());
            afterAction.accept(actions.incrementAndGet());
          }
        } catch (Http.Unreachable e) {
          unanswered.add(c + ": " + e.getMessage());
          log(c + ": " + e.getMessage());
          pause(Duration.ofMillis(500));
        } catch (Throwable e) {
          failures.add(e);
          return;
        } finally {
          DrivenCase.InFlight.clear();
        }
      }
      if (!didSomething) {
        pause(Duration.ofMillis(300)); // waiting for the job executor
      }
    }
  }

  static void log(String line) {
    System.out.println(Instant.now() + " [" + Thread.currentThread().getName() + "] " + line);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
