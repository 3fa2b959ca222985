package cn.hrss.assessment.identity;

import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Checks on officer endpoints of the domain API: who may call them, refused with 401 or 403. */
@Component
public class Officers {

  /** The calling officer, who must belong to at least one of {@code groups} (or be an administrator). */
  public Caller require(HttpServletRequest request, String... groups) {
    if (groups.length == 0) {
      // Any Camunda user would pass: every endpoint must say which groups may call it.
      throw new IllegalArgumentException("Officers.require needs at least one group");
    }
    Caller caller = ApiAuthenticationFilter.callerOf(request)
        .orElseThrow(() -> ApiProblem.unauthorized("此接口仅限工作人员使用，请以 HTTP Basic 认证登录。"));
    if (!caller.inAny(groups) && !caller.inAny(Groups.CAMUNDA_ADMIN)) {
      throw ApiProblem.forbidden("用户 " + caller.userId() + " 不属于可执行此操作的用户组：" + String.join("、", groups));
    }
    return caller;
  }
}
