package cn.hrss.assessment.discipline;

import cn.hrss.assessment.codes.ResidentIdNumbers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Resident ID numbers are personal data (DOMAIN.md §3.5): stored only as a keyed hash (for lookups such as the
 * bans endpoint) and a masked form (for display); never logged in full.
 */
@Component
class IdNumberProtector {

  private final SecretKeySpec key;

  IdNumberProtector(DisciplineProperties properties) {
    this.key = new SecretKeySpec(properties.idHashSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String hash(String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normalise(idNumber).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The party's bearer token of a case: derived from the case number under the secret, so the intake response and
   * the notice of intent carry the same token and nothing secret is stored (compared in constant time).
   */
  String accessToken(String caseNo) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("discipline-access-token|" + caseNo).getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  boolean tokenMatches(String caseNo, String token) {
    return token != null && java.security.MessageDigest.isEqual(
        accessToken(caseNo).getBytes(StandardCharsets.US_ASCII), token.strip().getBytes(StandardCharsets.UTF_8));
  }

  String mask(String idNumber) {
    return ResidentIdNumbers.mask(normalise(idNumber));
  }

  private static String normalise(String idNumber) {
    return idNumber.strip().toUpperCase(Locale.ROOT);
  }
}
