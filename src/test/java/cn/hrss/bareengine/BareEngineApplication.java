package cn.hrss.bareengine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's baseline (cn.hrss.assessment.benchmark): a bare Camunda engine, nothing but Spring Boot and
 * the Camunda starters, with the engine configuration of application.yml (the same file is on the classpath) and
 * HTTP Basic on engine REST like the application. It runs the application's models rewritten by
 * {@code BareModels}: every delegate and listener is {@link #noop}; the expression beans the models call
 * ({@code workingDays}, {@code deadlines}, {@code filingRecipients}) are constant stand-ins.
 *
 * <p>Deliberately outside {@code cn.hrss.assessment}, so that the application's component scan never sees it.
 */
@SpringBootApplication
public class BareEngineApplication {

  /** The benchmark starts it as a JVM of its own (benchmark.Child), like the application. */
  public static void main(String[] args) {
    org.springframework.boot.SpringApplication.run(BareEngineApplication.class, args);
  }

  /** Every delegate, task listener and execution listener of the rewritten models. */
  @Bean
  Object noop() {
    return new Noop();
  }

  @Bean
  WorkingDaysStandIn workingDays() {
    return new WorkingDaysStandIn();
  }

  @Bean
  DeadlinesStandIn deadlines() {
    return new DeadlinesStandIn();
  }

  @Bean
  RecipientsStandIn filingRecipients() {
    return new RecipientsStandIn();
  }

  @Bean
  LifecycleRecipientsStandIn lifecycleRecipients() {
    return new LifecycleRecipientsStandIn();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  static final class Noop implements JavaDelegate, TaskListener, ExecutionListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}

    @Override
    public void notify(DelegateExecution execution) {}
  }

  /** {@code ${workingDays.after(n)}}: n calendar days later (no holiday calendar in the bare engine). */
  public static final class WorkingDaysStandIn {
    public Date after(Object days) {
      return new Date(ClockUtil.getCurrentTime().getTime() + Long.parseLong(String.valueOf(days)) * 86_400_000L);
    }

    /** The recorded deadline of the application (ledger) is the application's own work: here only the date. */
    public Date deadline(Object execution, String kind, Object days) {
      return after(days);
    }
  }

  public static final class DeadlinesStandIn {
    public int getAcceptance() { return 10; }
    public int getSupplementResponse() { return 20; }
    public int getPublicNotice() { return 5; }
    public int getStatement() { return 5; }
    public int getAppeal() { return 15; }
  }

  public static final class LifecycleRecipientsStandIn {
    public String upwardsFor(Object institutionType) {
      return "ministry@bare.example";
    }

    public String upwardsOf(String filingCode) {
      return "ministry@bare.example";
    }

    public String ministry() {
      return "ministry@bare.example";
    }
  }

  public static final class RecipientsStandIn {
    public String managers() {
      return "managers@bare.example";
    }
  }
}
