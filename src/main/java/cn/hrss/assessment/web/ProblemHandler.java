package cn.hrss.assessment.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the domain API as {@code application/problem+json} with {@code title}, {@code status},
 * {@code detail} and, for invalid input, {@code errors: [{field, message}]} (CONTRACT.md).
 * Messages are Chinese: they are read by applicants and officers.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    return respond(problem.status(), problem.title(), problem.getMessage(), problem.errors());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new ApiProblem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(ApiProblem.FieldError::field))
        .toList();
    return apiProblem(ApiProblem.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // A page's form (the online application, the status page's supplement): the body could not be read, so nothing
    // typed can be shown again; the browser is sent back to the page, which says why (post/redirect/get).
    String page = request instanceof ServletWebRequest servlet ? servlet.getRequest().getServletPath() : "";
    if (page.equals("/apply") || page.equals("/status/supplement") || page.equals("/institution/renewal")) {
      String back = page.equals("/apply") ? "/apply" : page.equals("/status/supplement") ? "/status" : "/institution";
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(java.net.URI.create(servlet(request).getContextPath() + back + "?tooLarge=1"))
          .build();
    }
    return widen(respond(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件或请求超过允许的大小，未保存任何内容。", List.of()));
  }

  private static jakarta.servlet.http.HttpServletRequest servlet(WebRequest request) {
    return ((ServletWebRequest) request).getRequest();
  }

  /**
   * A multipart body that cannot be parsed: no boundary, a truncated part, a file name Tomcat refuses (NUL). Larger
   * than allowed is {@link MaxUploadSizeExceededException} (a subclass), answered with 413 above.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
    return apiProblem(ApiProblem.invalid("body", "multipart/form-data 请求无法解析（分隔符缺失、内容不完整或文件名含非法字符）"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e) {
    return apiProblem(ApiProblem.forbidden("当前用户没有执行此操作的权限。"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return apiProblem(ApiProblem.invalid(e.getName(), "类型或格式不正确"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseOutage.isCauseOf(e)) {
      // Issue 16 item 3: nothing was stored (the transaction never began or rolled back); the client tries again.
      DatabaseOutageFilter.LOG.warn("Database unreachable: answered 503 ({})", DatabaseOutageFilter.rootMessage(e));
      ResponseEntity<ProblemDetail> answer =
          respond(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TITLE, DatabaseOutage.DETAIL, List.of());
      return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS)).body(answer.getBody());
    }
    LOG.error("Unexpected error in the domain API", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误", "请求未能完成，请稍后重试或联系管理员。", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(ApiProblem.FieldError::field))
        .toList();
    return widen(apiProblem(ApiProblem.invalid(errors)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return widen(apiProblem(ApiProblem.invalid(fieldOf(e.getCause()), messageOf(e.getCause()))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return widen(apiProblem(ApiProblem.invalid(e.getParameterName(), "必填")));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return widen(apiProblem(ApiProblem.invalid(e.getRequestPartName(), "必填")));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring's own texts are English; the API speaks Chinese (CONTRACT.md), with the reason by status.
    String detail = switch (status.value()) {
      case 404 -> "请求的地址不存在。";
      case 405 -> "此地址不支持该请求方法。";
      case 406 -> "无法以请求的格式返回结果。";
      case 413 -> "上传的文件或请求超过允许的大小，未保存任何内容。";
      case 415 -> "不支持该请求内容类型。";
      default -> status.is4xxClientError() ? "请求无法处理。" : "请求未能完成，请稍后重试或联系管理员。";
    };
    return widen(respond(status, status.is4xxClientError() ? "请求无法处理" : "系统内部错误", detail, List.of()));
  }

  private static ResponseEntity<ProblemDetail> respond(
      HttpStatusCode status, String title, String detail, List<ApiProblem.FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }

  private static String fieldOf(Throwable cause) {
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      m.getPath().forEach(ref -> {
        if (ref.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
        } else {
          path.append('[').append(ref.getIndex()).append(']');
        }
      });
      return path.toString();
    }
    return "body";
  }

  private static String messageOf(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException) {
      return "未知字段";
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      return "类型或格式不正确";
    }
    return "请求正文不是有效的 JSON";
  }

  private static String lastNode(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
