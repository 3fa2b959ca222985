package cn.hrss.assessment.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The label of each field of our Camunda Forms (forms/*.form, the files the engine deploys), so that a refused
 * completion names the field the way the officer sees it on the form ({@code 评审说明}) and not only by its key.
 */
@Component
public class FormLabels {

  private final Map<String, Map<String, String>> labelsByForm;

  public FormLabels() {
    this("classpath*:forms/**/*.form");
  }

  /** The forms at {@code pattern}; the engine's plugins are built before the context's ObjectMapper. */
  FormLabels(String pattern) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, String>> byForm = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          Map<String, String> labels = new HashMap<>();
          collect(form, labels);
          byForm.put(form.path("id").asText(), Map.copyOf(labels));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Camunda Forms under forms/", e);
    }
    this.labelsByForm = Map.copyOf(byForm);
  }

  /** The label of {@code field} on form {@code formId}, or {@code null} when the form or field is unknown. */
  public String label(String formId, String field) {
    return formId == null ? null : labelsByForm.getOrDefault(formId, Map.of()).get(field);
  }

  private static void collect(JsonNode node, Map<String, String> labels) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && component.hasNonNull("label")) {
        labels.put(component.get("key").asText(), component.get("label").asText());
      }
      collect(component, labels); // groups and dynamic lists nest their fields
    }
  }
}
