package cn.hrss.assessment.registry;

/**
 * A code range of 001 人社鉴发〔2019〕2号 is used up (ministry numbers 0001-9999, site serials 000001-999999).
 * Nothing is allocated; an operator must decide (the source defines no overflow).
 */
public class CodeSpaceExhaustedException extends IllegalStateException {
  public CodeSpaceExhaustedException(String message) {
    super(message);
  }
}
