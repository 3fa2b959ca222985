package cn.hrss.assessment.discipline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the disciplinary procedure.
 *
 * @param idHashSecret key of the HMAC under which resident ID numbers are stored and looked up (required)
 * @param supervisorEmail the supervising department that receives an institution's handling of a staff case
 *     (002 Annex 2 Art. 16 para. 2: 评价机构应同时向评价机构监管部门报备处理情况)
 */
@ConfigurationProperties("assessment.discipline")
public record DisciplineProperties(String idHashSecret, String supervisorEmail) {

  public DisciplineProperties {
    if (idHashSecret == null || idHashSecret.isBlank()) {
      throw new IllegalStateException(
          "assessment.discipline.id-hash-secret (ASSESSMENT_DISCIPLINE_ID_HASH_SECRET) must be set: "
              + "resident ID numbers are stored only as keyed hashes");
    }
  }
}
