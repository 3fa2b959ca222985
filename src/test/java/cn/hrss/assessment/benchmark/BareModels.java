package cn.hrss.assessment.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The baseline's models, derived from the application's at benchmark time so that they cannot drift: the same
 * BPMN (elements, gateways, timers, async flags, expressions) with every {@code delegateExpression} of a service
 * task, task listener or execution listener pointing at the bare engine's no-op bean, and without forms
 * (Camunda Forms are only read by Tasklist). DMN tables are deployed unchanged.
 */
final class BareModels {

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{[^}]*}\"");
  private static final Pattern FORM = Pattern.compile("\\s+camunda:form(Ref|RefBinding|Key)=\"[^\"]*\"");

  private BareModels() {}

  /** File name → content of every model in classpath:processes/, ready to deploy to the bare engine. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> models = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.*")) {
        String name = resource.getFilename();
        if (name == null || !(name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
          continue;
        }
        try (InputStream in = resource.getInputStream()) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          models.put(name, (name.endsWith(".bpmn") ? rewrite(xml) : xml).getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (models.isEmpty()) {
      throw new IllegalStateException("no models found in classpath:processes/");
    }
    return models;
  }

  static String rewrite(String bpmn) {
    String noDelegates = DELEGATE.matcher(bpmn).replaceAll("delegateExpression=\"\\${noop}\"");
    String noForms = FORM.matcher(noDelegates).replaceAll("");
    if (noForms.contains("camunda:class=")) {
      throw new IllegalStateException("a model uses camunda:class: extend BareModels to replace it too");
    }
    return noForms;
  }
}
