package cn.hrss.assessment.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as {@code application/problem+json} (RFC 9457, CONTRACT.md "Domain REST API").
 * Throw it before anything is stored: the request changes nothing.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldError> errors;

  public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public ApiProblem(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public static ApiProblem invalid(List<FieldError> errors) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "请求内容无效", "请求中有 " + errors.size() + " 处错误，未保存任何内容。", errors);
  }

  public static ApiProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "未找到", detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "当前状态不允许此操作", detail);
  }

  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(HttpStatus.UNAUTHORIZED, "需要身份认证", detail);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "无权执行此操作", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One invalid input: the JSON path of the field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
