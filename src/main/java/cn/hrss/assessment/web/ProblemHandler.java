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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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
    return widen(respond(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件或请求超过允许的大小，未保存任何内容。", List.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
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
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String title = body instanceof ProblemDetail pd && pd.getTitle() != null ? pd.getTitle() : "请求无法处理";
    String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
    return widen(respond(status, title, detail, List.of()));
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
