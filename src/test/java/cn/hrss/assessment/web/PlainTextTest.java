package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void tabsAndLineBreaksAreTextOtherControlsAreNot() {
    assertThat(PlainText.hasControlCharacters("第一行\r\n第二行\t缩进")).isFalse();
    assertThat(PlainText.hasControlCharacters(null)).isFalse();
    assertThat(PlainText.hasControlCharacters("名称\u0000")).isTrue();
    assertThat(PlainText.hasControlCharacters("\u001b[31m红色")).isTrue();
    assertThat(PlainText.hasControlCharacters("\u007f")).isTrue();
    assertThat(PlainText.hasControlCharacters("\u0085")).isTrue();
  }
}
