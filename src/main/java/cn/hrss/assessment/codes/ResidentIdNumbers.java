package cn.hrss.assessment.codes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The citizen identification number (公民身份号码) of GB 11643-1999: 6-digit address code, 8-digit birth
 * date, 3-digit sequence and a check character (0-9 or X) by ISO 7064 MOD 11-2.
 * It is personal data (DOMAIN.md §3.5): show it masked.
 */
public final class ResidentIdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  /**
   * Only for the "birth date not in the future" sanity check of {@link #isValid}: a static validator (also
   * behind the Bean Validation annotation {@code @ResidentIdNumber}) with no bean to inject
   * {@code assessment.calendar.zone} into. GB 11643 birth dates are dates of the PRC, and at worst a zone
   * mismatch would accept or refuse a number born "today" a few hours early, not shift any deadline.
   */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ResidentIdNumbers() {}

  /** True for 17 digits + the right check character (upper-case X), with a real birth date not in the future. */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
        return false;
      }
    }
    return hasRealBirthDate(id) && id.charAt(17) == checkCharacter(id.substring(0, 17));
  }

  /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("公民身份号码前 17 位长度不正确");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("公民身份号码前 17 位必须是数字");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** The birth date of a valid number. */
  public static LocalDate birthDate(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("公民身份号码无效");
    }
    return parseBirthDate(id);
  }

  /** For display: address code and the last four characters, the birth date and sequence hidden (410105********123X). */
  public static String mask(String id) {
    if (id == null) {
      return null;
    }
    if (id.length() != 18) {
      return "*".repeat(id.length());
    }
    return id.substring(0, 6) + "********" + id.substring(14);
  }

  private static boolean hasRealBirthDate(String id) {
    try {
      LocalDate birth = parseBirthDate(id);
      // GB 11643 numbers were issued from 1999 to people alive then; 1800 keeps the check loose but real.
      return !birth.isBefore(LocalDate.of(1800, 1, 1)) && !birth.isAfter(LocalDate.now(CHINA));
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static LocalDate parseBirthDate(String id) {
    return LocalDate.of(
        Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
  }
}
