package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlCheckerTest {

  private final HtmlChecker checker = new HtmlChecker();

  @Test
  void aValidDocumentHasNoErrors() {
    assertThat(checker.errors("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>标题</title></head>"
        + "<body><main><h1>标题</h1><p>正文</p></main></body></html>")).isEmpty();
  }

  @Test
  void invalidMarkupIsReported() {
    assertThat(checker.errors("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"></head>"
        + "<body><table><tr><td>1</td></tr></table><ul><div>x</div></ul><p id=\"a\"></p><p id=\"a\"></p></body></html>"))
        .anySatisfy(e -> assertThat(e).contains("title"))
        .anySatisfy(e -> assertThat(e).contains("div"))
        .anySatisfy(e -> assertThat(e).contains("Duplicate ID"));
  }

  @Test
  void invalidCssInStyleElementsAndAttributesIsReported() {
    assertThat(checker.errors("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>t</title>"
        + "<style>p { colr: red; }</style></head><body><p style=\"width: wide\">x</p></body></html>"))
        .anySatisfy(e -> assertThat(e).contains("CSS", "colr"))
        .anySatisfy(e -> assertThat(e).contains("CSS", "width"));
  }
}
