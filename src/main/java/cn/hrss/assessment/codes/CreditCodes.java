package cn.hrss.assessment.codes;

import java.util.Set;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters,
 * registration authority (1), organisation type (1), administrative division (6 digits),
 * organisation code (9) and a check character computed modulo 31 over the first 17.
 */
public final class CreditCodes {

  /** GB 32100-2015 Table 1: digits and upper-case letters without I, O, Z, S, V. */
  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  /**
   * GB 32100-2015 Annex A, registration management departments: 1 机构编制, 2 外交, 3 司法行政, 4 文化,
   * 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他.
   */
  private static final Set<Character> AUTHORITIES =
      Set.of('1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y');

  private CreditCodes() {}

  /** True for an 18-character code with a known authority, a digit type, a digit division and the right check char. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    if (!AUTHORITIES.contains(code.charAt(0))) {
      return false;
    }
    // Position 2: the type within the authority is a digit 1-9 in every row of the standard's table
    // (9 = 其他); we accept any of them for any authority rather than copy the whole matrix.
    char type = code.charAt(1);
    if (type < '1' || type > '9') {
      return false;
    }
    // Positions 3-8: the administrative division code (GB/T 2260), digits only.
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(code.charAt(i))) {
        return false;
      }
    }
    return code.charAt(17) == checkCharacter(code.substring(0, 17));
  }

  /** The check character (position 18) for the first 17 characters. */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("统一社会信用代码前 17 位长度不正确");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("统一社会信用代码含有不允许的字符：" + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CHARSET.charAt(check);
  }
}
