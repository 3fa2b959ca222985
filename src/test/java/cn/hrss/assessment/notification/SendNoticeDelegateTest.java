package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SendNoticeDelegateTest {

  @Test
  void recipientsAreReadFromCommaSeparatedTextOrCollections() {
    assertThat(SendNoticeDelegate.recipients("a@x.cn, b@x.cn；c@x.cn")).containsExactly("a@x.cn", "b@x.cn", "c@x.cn");
    assertThat(SendNoticeDelegate.recipients(List.of("a@x.cn", " ", "b@x.cn"))).containsExactly("a@x.cn", "b@x.cn");
    assertThat(SendNoticeDelegate.recipients("  ")).isEmpty();
    assertThat(SendNoticeDelegate.recipients(null)).isEmpty();
  }
}
