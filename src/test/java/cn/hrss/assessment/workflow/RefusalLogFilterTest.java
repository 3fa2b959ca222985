package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals are one INFO line, faults stay ERROR (issue 16, item 5), on a logback context of its own. */
class RefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void setUp() {
    RefusalLogFilter filter = new RefusalLogFilter();
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    events.setContext(context);
    events.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(events);
  }

  @Test
  void aRefusedCompletionIsOneInfoLineWithoutStackTrace() {
    FormFieldValidationException refusal = new FormFieldValidationException("expertComment",
        "提交内容未通过校验：评审说明（expertComment）：必填");
    // As Camunda's ContextLogger does: the message and the exception as the last parameter.
    engineContext().error("ENGINE-16004 Exception while closing command context: {}", refusal.getMessage(), refusal);

    List<ILoggingEvent> logged = events.list;
    assertThat(logged).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getLoggerName()).isEqualTo(RefusalLogFilter.REFUSALS);
      assertThat(event.getFormattedMessage()).contains("评审说明（expertComment）：必填");
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void aRefusalWrappedInAnotherExceptionIsRecognised() {
    ProcessEngineException wrapped = new ProcessEngineException("submit",
        new FormFieldValidationException("x", "立案信息未通过校验：partyType：必填"));
    engineContext().error("ENGINE-16004 Exception while closing command context: {}", wrapped.getMessage(), wrapped);

    assertThat(events.list).singleElement().satisfies(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
  }

  @Test
  void aFaultStaysAnErrorWithItsStackTrace() {
    IllegalStateException fault = new IllegalStateException("Mail server connection failed");
    engineContext().error("ENGINE-16004 Exception while closing command context: {}", fault.getMessage(), fault);
    context.getLogger("cn.hrss.assessment.other").error("refused", new FormFieldValidationException("x", "y"));

    assertThat(events.list).hasSize(2).allSatisfy(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getThrowableProxy()).isNotNull();
    });
  }

  private Logger engineContext() {
    return context.getLogger(RefusalLogFilter.ENGINE_CONTEXT_LOGGER);
  }
}
