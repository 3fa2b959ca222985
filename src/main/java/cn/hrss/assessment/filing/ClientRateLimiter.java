package cn.hrss.assessment.filing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client ({@code requests} tokens, refilled continuously over {@code period}), kept as the
 * generic cell rate algorithm: per client only the instant at which its bucket would be full again, in integer
 * nanoseconds. The clients are kept in a map of at most {@code maxClients} entries in least-recently-used order, so
 * memory stays bounded under many addresses; a forgotten client starts again with a full bucket (the least recently
 * seen is, in practice, one whose bucket is full again anyway). Our own dozen lines rather than a library such as
 * Bucket4j: that would still need a bounded cache around it.
 */
public final class ClientRateLimiter {

  private final long interval;
  private final long burst;
  private final LongSupplier nanoTime;
  private final Map<String, long[]> fullAt;

  public ClientRateLimiter(ClientLimit limit, LongSupplier nanoTime) {
    int requests = limit.requests();
    int maxClients = limit.maxClients();
    long period = limit.period().toNanos();
    this.interval = period / requests;
    this.burst = period - interval;
    this.nanoTime = nanoTime;
    this.fullAt = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
        return size() > maxClients;
      }
    };
  }

  /** A per-client limit as configured ({@code assessment.objection-limit.*}, {@code assessment.lookup-limit.*}). */
  public interface ClientLimit {
    /** Requests one client may make per {@link #period()} (a burst of this many is allowed). */
    int requests();

    /** The time in which a client's full allowance comes back. */
    java.time.Duration period();

    /** Clients remembered at once (least recently seen forgotten first). */
    int maxClients();

    /** Refuses a limit that cannot work, naming its properties. */
    static void check(String prefix, int requests, java.time.Duration period, int maxClients) {
      if (requests < 1 || period.isNegative() || period.isZero() || maxClients < 1) {
        throw new IllegalArgumentException(prefix + ": requests and max-clients must be at least 1 and period positive");
      }
    }
  }

  /** Takes one token of {@code client}: empty if allowed, otherwise the seconds until the next one (≥ 1). */
  OptionalLong acquire(String client) {
    long now = nanoTime.getAsLong();
    synchronized (fullAt) {
      long[] state = fullAt.computeIfAbsent(client, c -> new long[] {now});
      long full = Math.max(state[0], now);
      long wait = full - now - burst;
      if (wait > 0) {
        return OptionalLong.of(Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
      }
      state[0] = full + interval;
      return OptionalLong.empty();
    }
  }

  int clients() {
    synchronized (fullAt) {
      return fullAt.size();
    }
  }
}
