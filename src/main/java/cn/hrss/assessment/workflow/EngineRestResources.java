package cn.hrss.assessment.workflow;

import cn.hrss.assessment.web.DatabaseOutage;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's engine REST ({@code /engine-rest}) as the starter configures it, except that its three general exception
 * mappers answer a request that failed because the database is out of reach ({@link DatabaseOutage}, issue 16 item 3)
 * with 503 and {@code Retry-After} instead of 500 with the driver's message (a resource that wraps the
 * engine's exception, e.g. "Cannot complete task …", keeps it as the cause). The body keeps Camunda's error
 * shape ({@code type}, {@code message}: what Tasklist and clients read), with a Chinese message. Every other
 * exception is mapped by Camunda's own code, unchanged. (Replaces the starter's {@code CamundaJerseyResourceConfig}
 * bean, which backs off when one is defined.)
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestResources extends CamundaJerseyResourceConfig {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestResources.class);
  private static final Set<Class<?>> REPLACED =
      Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class, ExceptionHandler.class);

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !REPLACED.contains(type)).collect(Collectors.toSet()));
    registerClasses(OutageAwareProcessEngineExceptionHandler.class, OutageAwareRestExceptionHandler.class,
        OutageAwareExceptionHandler.class);
    register(JacksonFeature.class);
  }

  /** 503 in Camunda's error shape. */
  static Response unavailable(Throwable failure) {
    LOG.warn("Database unreachable: engine REST answered 503 ({})", failure.getClass().getSimpleName());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", DatabaseOutage.ENGINE_ERROR_TYPE);
    body.put("message", DatabaseOutage.DETAIL);
    body.put("code", null);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  /** Camunda's mapper of engine exceptions (persistence failures are engine exceptions), outage-aware. */
  public static class OutageAwareProcessEngineExceptionHandler extends ProcessEngineExceptionHandler {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return DatabaseOutage.isCauseOf(exception) ? unavailable(exception) : super.toResponse(exception);
    }
  }

  /** Camunda's mapper of the resources' own exceptions, which wrap the engine's, outage-aware. */
  public static class OutageAwareRestExceptionHandler extends RestExceptionHandler {
    @Override
    public Response toResponse(RestException exception) {
      return DatabaseOutage.isCauseOf(exception) ? unavailable(exception) : super.toResponse(exception);
    }
  }

  /** Camunda's mapper of every other exception (e.g. Spring's "could not begin a transaction"), outage-aware. */
  public static class OutageAwareExceptionHandler extends ExceptionHandler {
    @Override
    public Response toResponse(Throwable exception) {
      return DatabaseOutage.isCauseOf(exception) ? unavailable(exception) : super.toResponse(exception);
    }
  }
}
