package cn.hrss.assessment.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain API's description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), CONTRACT.md. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI assessmentApi() {
    return new OpenAPI()
        .info(new Info()
            .title("评价机构备案与违纪处理工作流 API")
            .description("Domain API of Assessment Workflows: filing (备案), disciplinary cases (违纪违规处理), "
                + "public notices and the directory. Errors are application/problem+json (RFC 9457).")
            .version("v1"))
        .components(new Components()
            .addSecuritySchemes("officer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("工作人员：Camunda 用户名与密码"))
            .addSecuritySchemes("applicant", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("申报机构或当事人：提交时返回的 accessToken")));
  }
}
