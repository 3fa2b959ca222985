package cn.hrss.assessment.registry;

/**
 * A directory search; every criterion may be null (no filter).
 *
 * @param province GB/T 2260 province code of the institution or branch
 * @param occupation occupation code or code prefix ({@code 6-18}), or part of an occupation name
 * @param text part of the name, the start of a filing code, or a credit code
 * @param includeTerminated also list terminated institutions (removed from the directory by default)
 */
public record DirectoryQuery(String province, String occupation, String text, boolean includeTerminated) {

  public static DirectoryQuery all() {
    return new DirectoryQuery(null, null, null, false);
  }
}
