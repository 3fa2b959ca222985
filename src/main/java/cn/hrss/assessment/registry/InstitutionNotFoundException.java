package cn.hrss.assessment.registry;

/** No institution with this filing code. */
public class InstitutionNotFoundException extends RuntimeException {
  public InstitutionNotFoundException(String filingCode) {
    super("未找到备案编码为 " + filingCode + " 的评价机构");
  }
}
