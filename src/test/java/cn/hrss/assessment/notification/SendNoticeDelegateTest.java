package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class SendNoticeDelegateTest {

  @Test
  void recipientsAreReadFromCommaSeparatedTextOrCollections() {
    assertThat(SendNoticeDelegate.recipients("a@x.cn, b@x.cn；c@x.cn")).containsExactly("a@x.cn", "b@x.cn", "c@x.cn");
    assertThat(SendNoticeDelegate.recipients(List.of("a@x.cn", " ", "b@x.cn"))).containsExactly("a@x.cn", "b@x.cn");
    assertThat(SendNoticeDelegate.recipients("  ")).isEmpty();
    assertThat(SendNoticeDelegate.recipients(null)).isEmpty();
  }

  @Test
  void withoutAJobTheStepIsRefusedNamingIt() {
    // Outside a job (here: outside the engine altogether) there is no retry-stable key.
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getCurrentActivityId()).thenReturn("Task_SendSomething");

    assertThatThrownBy(() -> SendNoticeDelegate.keyOf(execution)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task_SendSomething").hasMessageContaining("asyncBefore");
  }
}
