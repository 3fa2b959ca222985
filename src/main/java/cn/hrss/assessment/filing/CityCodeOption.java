package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.CityCodes;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The province's option to put a city code in positions 8-9 of its filing codes (issue 19 item 10; Henan:
 * 001 豫职鉴〔2020〕2号 Annex 1 §二(四)-(五)). {@code assessment.filing.codes.city-code-provinces}: the provinces that use
 * it, none by default (人社鉴发〔2019〕2号 leaves positions 8-13 wholly to the province). A listed province without a
 * city table in {@link CityCodes} stops the start.
 */
@Component
public class CityCodeOption {

  /** {@code assessment.filing.codes.*}. */
  @ConfigurationProperties("assessment.filing.codes")
  public record Properties(@DefaultValue Set<String> cityCodeProvinces) {}

  private final Set<String> provinces;

  public CityCodeOption(Properties properties) {
    this.provinces = Set.copyOf(properties.cityCodeProvinces());
    for (String province : provinces) {
      if (!CityCodes.hasTable(province)) {
        throw new IllegalStateException("assessment.filing.codes.city-code-provinces: 省级代码 " + province
            + (Provinces.isValid(province) ? "（" + Provinces.name(province) + "）没有省直和市级代码表" : " 无效"));
      }
    }
  }

  /** Whether the province codes its sites by city. */
  public boolean on(String province) {
    return province != null && provinces.contains(province);
  }

  /**
   * At intake: where the option is on, the city code is required (its value is checked by the validator), for the
   * applicant in its province and for each branch in the branch's province (issue 19 items 9-10).
   */
  void check(FilingApplication application) {
    if (application == null) {
      return;
    }
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (on(application.province()) && application.cityCode() == null) {
      errors.add(new ApiProblem.FieldError("cityCode", required(application.province(), "评价机构")));
    }
    for (int i = 0; i < application.branches().size(); i++) {
      FilingApplication.Branch branch = application.branches().get(i);
      if (branch != null && on(branch.province()) && branch.cityCode() == null) {
        errors.add(new ApiProblem.FieldError("branches[" + i + "].cityCode", required(branch.province(), "分支机构")));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /** The same for a branch added after filing: field {@code application.cityCode}. */
  void checkLaterBranch(FilingApplication.Branch branch) {
    if (branch != null && on(branch.province()) && branch.cityCode() == null) {
      throw ApiProblem.invalid("application.cityCode", required(branch.province(), "分支机构"));
    }
  }

  private static String required(String province, String who) {
    return "必填：" + Provinces.name(province) + "的备案编码第 8-9 位为" + who + "所在地省直或市级代码（如 00 省直、01 郑州市）";
  }

  /** The city code for the filing code: the application's where the option is on, else none. */
  String cityCodeFor(FilingApplication application) {
    return on(application.province()) ? application.cityCode() : null;
  }
}
