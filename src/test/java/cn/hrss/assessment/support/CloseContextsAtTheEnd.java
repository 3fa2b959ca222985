package cn.hrss.assessment.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes the Spring contexts of {@link IntegrationTest}s when all tests of the JVM have run, while the
 * embedded PostgreSQL is still up.
 *
 * <p>Why: otherwise the cached contexts are closed by Spring's JVM shutdown hook, concurrently with zonky's
 * hook that stops PostgreSQL; a context that closes second waits for a database connection (Hikari's 30 s
 * timeout) and the test JVM overruns failsafe's exit timeout ("Surefire is going to kill self fork JVM").
 * A resource in the root store is closed by JUnit at the end of the test run, before the JVM shuts down.
 */
final class CloseContextsAtTheEnd implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
    if (applicationContext instanceof ConfigurableApplicationContext configurable) {
      context.getRoot().getStore(ExtensionContext.Namespace.create(CloseContextsAtTheEnd.class))
          .getOrComputeIfAbsent(Contexts.class).add(configurable);
    }
  }

  /** The contexts of this JVM's test run; JUnit closes it once, after the last test. */
  static final class Contexts implements ExtensionContext.Store.CloseableResource {

    private final Set<ConfigurableApplicationContext> contexts = Collections.newSetFromMap(new IdentityHashMap<>());

    synchronized void add(ConfigurableApplicationContext context) {
      contexts.add(context);
    }

    @Override
    public synchronized void close() {
      List<ConfigurableApplicationContext> toClose = new ArrayList<>(contexts);
      contexts.clear();
      toClose.forEach(ConfigurableApplicationContext::close);
    }
  }
}
