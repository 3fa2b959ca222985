package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ID numbers are stored only as keyed hashes: without a key the application does not start (postgres profile). */
class DisciplinePropertiesTest {

  @Test
  void aMissingIdHashSecretRefusesToStart() {
    assertThatThrownBy(() -> new DisciplineProperties("", null)).hasMessageContaining("ASSESSMENT_DISCIPLINE_ID_HASH_SECRET");
    assertThatThrownBy(() -> new DisciplineProperties(null, null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void idNumbersAreHashedUnderTheSecretAndMasked() {
    IdNumberProtector a = new IdNumberProtector(new DisciplineProperties("secret-a", null));
    IdNumberProtector b = new IdNumberProtector(new DisciplineProperties("secret-b", null));
    String id = "11010519491231002X";
    assertThat(a.hash(id)).isEqualTo(a.hash(id.toLowerCase())).isNotEqualTo(b.hash(id)).doesNotContain(id);
    assertThat(a.mask(id)).isEqualTo("110105********002X");
    assertThat(a.tokenMatches("WJ2026-000001", a.accessToken("WJ2026-000001"))).isTrue();
    assertThat(a.tokenMatches("WJ2026-000002", a.accessToken("WJ2026-000001"))).isFalse();
    assertThat(b.tokenMatches("WJ2026-000001", a.accessToken("WJ2026-000001"))).isFalse();
  }
}
