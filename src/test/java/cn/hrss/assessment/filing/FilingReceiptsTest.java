package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilingReceiptsTest {

  @Test
  void theReceiptIsAPdfUnlessTheClientRanksHtmlHigher() {
    assertThat(FilingReceipts.prefersHtml(null)).isFalse();
    assertThat(FilingReceipts.prefersHtml("*/*")).isFalse();
    assertThat(FilingReceipts.prefersHtml("application/pdf")).isFalse();
    assertThat(FilingReceipts.prefersHtml("text/plain, application/json, application/*+json, */*")).isFalse();
    assertThat(FilingReceipts.prefersHtml("application/pdf, text/html;q=0.9")).isFalse();
    assertThat(FilingReceipts.prefersHtml("not a media type ;;")).isFalse();
    // A browser's Accept, or a client that asks for HTML only.
    assertThat(FilingReceipts.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
    assertThat(FilingReceipts.prefersHtml("text/html")).isTrue();
    assertThat(FilingReceipts.prefersHtml("text/*, application/pdf;q=0.5")).isTrue();
  }
}
