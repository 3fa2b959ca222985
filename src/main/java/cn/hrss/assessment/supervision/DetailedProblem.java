package cn.hrss.assessment.supervision;

import cn.hrss.assessment.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal of this package whose problem+json carries properties a client acts on ({@code earliestDate} of a plan
 * declared too late, {@code missing} and {@code shortfalls} of a draw with too few eligible supervisors), besides
 * {@code title}, {@code status} and {@code detail} as every {@link ApiProblem}.
 */
class DetailedProblem extends ApiProblem {

  private final Map<String, Object> properties;

  DetailedProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
    super(status, title, detail, List.of());
    this.properties = new LinkedHashMap<>(properties);
  }

  Map<String, Object> properties() {
    return properties;
  }

  /** Answers a {@link DetailedProblem} before {@code web.ProblemHandler} would answer it as a plain ApiProblem. */
  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Handler {
    @ExceptionHandler(DetailedProblem.class)
    ResponseEntity<ProblemDetail> detailed(DetailedProblem problem) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
      body.setTitle(problem.title());
      problem.properties().forEach(body::setProperty);
      return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
  }
}
