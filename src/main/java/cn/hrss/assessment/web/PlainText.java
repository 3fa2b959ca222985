package cn.hrss.assessment.web;

/**
 * Text a person may type: everything but control characters, except tab and line breaks. A NUL cannot be stored in
 * PostgreSQL at all (the insert fails), and the other C0/C1 controls only hide or garble what officers read in pages,
 * mails and documents; refusing them at the edge is clearer than a 500 or a silent change.
 */
public final class PlainText {

  /** The message of a refused field, for {@code errors[].message}. */
  public static final String CONTROL_CHARACTERS = "不能包含控制字符";

  private PlainText() {}

  public static boolean hasControlCharacters(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }
}
