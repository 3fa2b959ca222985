package cn.hrss.assessment.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Engine REST ({@code /engine-rest}) finds its engine by name in Camunda's static {@link ProcessEngines} registry,
 * where each new Spring test context's engine ("default") replaces the previous one. A test class whose (cached)
 * context started earlier would then talk over HTTP to another context's engine and database. Before each test
 * class and method, this makes the test's own engine the registered one. Registered in META-INF/spring.factories.
 */
public class CurrentEngineTestExecutionListener implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return; // not loaded yet (beforeTestClass): the context registers its own engine when it starts
    }
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(engine -> {
      if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
        ProcessEngines.registerProcessEngine(engine);
      }
    });
  }
}
