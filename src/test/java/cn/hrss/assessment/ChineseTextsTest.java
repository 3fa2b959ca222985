package cn.hrss.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.ChineseText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Everything a user reads of the models and mails is Chinese (issue 6): every label, option, description and text
 * of the Camunda Forms, every user task and other named element of the BPMN models (Tasklist and Cockpit show
 * them), the decision table's names, and every mail subject (the mail template's {@code <title>}). The Tasklist
 * filters are checked beside their setup (identity.IdentitySetupTextsTest); the webapps' own texts by
 * web.WebappLocalizationIT.
 */
class ChineseTextsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path PROCESSES = Path.of("processes");
  private static final Path MAIL = Path.of("src/main/resources/templates/mail");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final Pattern ONLY_RUNTIME_VALUES = Pattern.compile("\\s*(\\{\\{[^}]*}}\\s*)+");
  private static final Pattern LINK_TARGET = Pattern.compile("]\\([^)]*\\)");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  @Test
  void everyFormTextIsChinese() throws IOException {
    List<Path> forms = files(FORMS, ".form");
    assertThat(forms).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path form : forms) {
      collectFormProblems(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()).path("components"),
          problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskAndNamedModelElementIsChinese() throws Exception {
    List<String> problems = new ArrayList<>();
    int userTasks = 0;
    for (Path model : files(PROCESSES, ".bpmn")) {
      Document xml = parse(model);
      NodeList tasks = xml.getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        Element task = (Element) tasks.item(i);
        userTasks++;
        problems.add(ChineseText.describeProblem(model.getFileName() + " userTask " + task.getAttribute("id"),
            task.getAttribute("name")));
      }
      NodeList all = xml.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        // Message names are correlation keys for the code, never shown; an unnamed joining gateway is fine.
        boolean shown = !"message".equals(element.getLocalName()) && !"userTask".equals(element.getLocalName())
            && !element.getAttribute("name").isEmpty();
        boolean required = "process".equals(element.getLocalName());
        if (shown || required) {
          problems.add(ChineseText.describeProblem(model.getFileName() + " " + element.getLocalName() + " "
              + element.getAttribute("id"), element.getAttribute("name")));
        }
      }
    }
    for (Path model : files(PROCESSES, ".dmn")) {
      Document xml = parse(model);
      for (String[] shown : new String[][] {{"decision", "name"}, {"input", "label"}, {"output", "label"}}) {
        NodeList elements = xml.getElementsByTagNameNS(DMN, shown[0]);
        for (int i = 0; i < elements.getLength(); i++) {
          Element element = (Element) elements.item(i);
          problems.add(ChineseText.describeProblem(model.getFileName() + " " + shown[0] + " " + element.getAttribute("id"),
              element.getAttribute(shown[1])));
        }
      }
    }
    assertThat(userTasks).isGreaterThan(0);
    assertThat(problems.stream().filter(Objects::nonNull).toList()).isEmpty();
  }

  /** The subject of every mail is its template's {@code <title>}: its text and the literal parts of th:text. */
  @Test
  void everyMailSubjectIsChinese() throws IOException {
    Pattern title = Pattern.compile("<title([^>]*)>(.*?)</title>", Pattern.DOTALL);
    Pattern literalText = Pattern.compile("th:text=\"\\|(.*?)\\|\"");
    List<String> problems = new ArrayList<>();
    int subjects = 0;
    for (Path template : files(MAIL, ".html")) {
      String html = COMMENT.matcher(Files.readString(template, StandardCharsets.UTF_8)).replaceAll("");
      Matcher m = title.matcher(html);
      if (!m.find()) {
        // A fragment (discipline-addressee.html) is no mail of its own; a mail without a subject is a problem.
        if (html.contains("layout :: layout(")) {
          problems.add(template.getFileName() + ": no <title> (the mail subject)");
        }
        continue;
      }
      subjects++;
      problems.add(ChineseText.describeProblem(template.getFileName() + " <title>", m.group(2).trim()));
      Matcher literal = literalText.matcher(m.group(1));
      if (literal.find()) {
        problems.add(ChineseText.describeProblem(template.getFileName() + " <title th:text>", literal.group(1)));
      }
    }
    assertThat(subjects).isGreaterThan(0);
    assertThat(problems.stream().filter(Objects::nonNull).toList()).isEmpty();
  }

  /** Labels, option labels, descriptions, placeholders and texts of every component, nested ones included. */
  private static void collectFormProblems(String form, JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      String where = form + " " + component.path("id").asText(component.path("key").asText("?"));
      if (component.has("key") && !"hidden".equals(component.path("type").asText())) {
        problems.add(ChineseText.describeProblem(where + " label", component.path("label").asText(null)));
      } else if (component.has("label")) {
        problems.add(ChineseText.describeProblem(where + " label", component.path("label").asText()));
      }
      for (String shown : List.of("description", "placeholder", "text")) {
        String text = component.path(shown).asText(null);
        // A text block that is nothing but a runtime value ({{branchSummary}}) is as Chinese as the value: the
        // message bundles that build it (i18n/*.properties) are Chinese.
        if (text != null && !(shown.equals("text") && ONLY_RUNTIME_VALUES.matcher(text).matches())) {
          // A Markdown link's target is an address, not text the user reads: [打印](/api/...) is read as 打印.
          problems.add(ChineseText.describeProblem(where + " " + shown, LINK_TARGET.matcher(text).replaceAll("]")));
        }
      }
      for (JsonNode option : component.path("values")) {
        problems.add(ChineseText.describeProblem(where + " option " + option.path("value").asText(),
            option.path("label").asText(null)));
      }
      collectFormProblems(form, component.path("components"), problems);
    }
    problems.removeIf(Objects::isNull);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Document parse(Path model) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(model.toFile());
  }
}
