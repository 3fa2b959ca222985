package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryExportTest {

  @Test
  void cellsAreQuotedAsRfc4180AndFormulasAreKeptAsText() {
    assertThat(DirectoryExport.cell("郑州\"示例\",公司")).isEqualTo("\"郑州\"\"示例\"\",公司\"");
    assertThat(DirectoryExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(DirectoryExport.cell("-1")).isEqualTo("\"'-1\"");
    assertThat(DirectoryExport.cell(null)).isEqualTo("\"\"");
  }
}
