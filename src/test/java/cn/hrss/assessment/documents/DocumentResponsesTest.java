package cn.hrss.assessment.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentResponsesTest {

  @Test
  void aDocumentIsAPdfUnlessTheClientRanksHtmlHigher() {
    assertThat(DocumentResponses.prefersHtml(null)).isFalse();
    assertThat(DocumentResponses.prefersHtml("*/*")).isFalse();
    assertThat(DocumentResponses.prefersHtml("application/pdf")).isFalse();
    assertThat(DocumentResponses.prefersHtml("text/plain, application/json, application/*+json, */*")).isFalse();
    assertThat(DocumentResponses.prefersHtml("application/pdf, text/html;q=0.9")).isFalse();
    assertThat(DocumentResponses.prefersHtml("not a media type ;;")).isFalse();
    // A browser's Accept, or a client that asks for HTML only.
    assertThat(DocumentResponses.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
    assertThat(DocumentResponses.prefersHtml("text/html")).isTrue();
    assertThat(DocumentResponses.prefersHtml("text/*, application/pdf;q=0.5")).isTrue();
  }
}
