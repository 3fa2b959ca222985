package cn.hrss.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementCounterTest {

  @Test
  void aStatementIsKeyedByItsTextWithWhiteSpaceRunsAsOneBlank() {
    assertThat(StatementCounter.key("\n   select *\n\t\tfrom ACT_RU_TASK   RES \n  where RES.ID_ = ?  \n"))
        .isEqualTo("select * from ACT_RU_TASK RES where RES.ID_ = ?");
    assertThat(StatementCounter.key(null)).isEqualTo("?");
  }

  @Test
  void theKeyIsTheFirst160CharactersOfThatAndNeverEndsInABlank() {
    String sql = "select " + "ABCDEFGHI ".repeat(100);
    assertThat(StatementCounter.key(sql)).isEqualTo(sql.substring(0, 160));
    assertThat(StatementCounter.key("\n  " + sql.replace(" ", " \n\t "))).isEqualTo(sql.substring(0, 160));
    String blankAt160 = "x".repeat(159) + " y";
    assertThat(StatementCounter.key(blankAt160)).isEqualTo("x".repeat(159));
  }
}
