package cn.hrss.assessment.support;

import nu.validator.vendor.thaiopensource.relaxng.impl.CombineValidator;
import nu.validator.vendor.thaiopensource.util.PropertyMap;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.Schema;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.Validator;
import nu.validator.vendor.thaiopensource.validate.prop.rng.RngProperty;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.checker.Checker;
import nu.validator.checker.CspEnforcementChecker;
import nu.validator.checker.DuplicateDtChecker;
import nu.validator.checker.HeadingHierarchyChecker;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.SpeculationRulesChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UncheckedSubtreeWarner;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.XmlPiChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.xml.AttributesPermutingXMLReaderWrapper;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.TypedInputSource;
import nu.validator.xml.ariaattributes.AriaAttributeDroppingSchemaWrapper;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The W3C's Nu Html Checker (the engine of validator.w3.org/nu, Maven artifact {@code nu.validator:validator}) used
 * as a library: {@link #errors} checks a document as text/html against the HTML living standard and returns its
 * errors (warnings are not errors). One instance per test class; not thread-safe.
 */
public final class HtmlChecker {

  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private final List<String> found = new ArrayList<>();
  private final Validator validator;
  private final XMLReader reader;

  /**
   * The checks of the checker's {@code SimpleDocumentValidator} for text/html (the HTML schema from the jar's local
   * cache, the Schematron assertions and the Java checkers), assembled here because that class's static set-up
   * starts the web service's Jetty HTTP client, which is left out of the test classpath (it would clash with
   * Spring Boot's Jetty version).
   */
  public HtmlChecker() {
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        found.add(describe(e));
      }

      @Override
      public void fatalError(SAXParseException e) {
        found.add(describe(e));
      }
    };
    try {
      PropertyMapBuilder builder = new PropertyMapBuilder();
      builder.put(ValidateProperty.ERROR_HANDLER, collect);
      builder.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
      RngProperty.CHECK_ID_IDREF.add(builder);
      PropertyMap properties = builder.toPropertyMap();

      LocalCacheEntityResolver resolver = new LocalCacheEntityResolver(new NullEntityResolver());
      resolver.setAllowRnc(true);
      PropertyMapBuilder schemaProperties = new PropertyMapBuilder(properties);
      schemaProperties.put(ValidateProperty.ENTITY_RESOLVER, resolver);
      TypedInputSource schemaInput = (TypedInputSource) resolver.resolveEntity(null, SCHEMA);
      Schema schema = CompactSchemaReader.getInstance().createSchema(schemaInput, schemaProperties.toPropertyMap());
      schema = new NamespaceChangingSchemaWrapper(new TemplateElementDroppingSchemaWrapper(
          new RoleAttributeFilteringSchemaWrapper(new XmlLangAttributeDroppingSchemaWrapper(
              new AriaAttributeDroppingSchemaWrapper(new DataAttributeDroppingSchemaWrapper(schema))))));
      System.setProperty("nu.validator.schema.rdfa-full", "1");

      Validator combined = new CombineValidator(schema.createValidator(properties),
          CheckerSchema.ASSERTION_SCH.createValidator(properties));
      for (Checker checker : List.of(new TableChecker(), new DuplicateDtChecker(), new HeadingHierarchyChecker(),
          new MicrodataChecker(), new NormalizationChecker(), new SpeculationRulesChecker(), new TextContentChecker(),
          new UncheckedSubtreeWarner(), new UsemapChecker(), new XmlPiChecker(), new CspEnforcementChecker())) {
        combined = new CombineValidator(combined, new CheckerValidator(checker, properties));
      }
      validator = combined;
      HtmlParser parser = new HtmlParser();
      parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
      parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
      parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
      parser.setNamePolicy(XmlViolationPolicy.ALLOW);
      parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
      parser.setMappingLangToXmlLang(true);
      parser.setHeuristics(Heuristics.ALL);
      parser.setContentHandler(validator.getContentHandler());
      parser.setErrorHandler(collect);
      parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
      reader = new AttributesPermutingXMLReaderWrapper(parser);
    } catch (Exception e) {
      throw new IllegalStateException("Nu Html Checker could not load its HTML schema", e);
    }
  }

  /** The errors of {@code html} (UTF-8 text/html), each as "line:column message"; empty when valid. */
  public List<String> errors(String html) {
    found.clear();
    validator.reset();
    InputSource input = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    input.setEncoding("UTF-8");
    try {
      reader.parse(input);
    } catch (SAXParseException fatal) {
      // already reported to the error handler
    } catch (Exception e) {
      throw new IllegalStateException("Nu Html Checker failed", e);
    }
    return List.copyOf(found);
  }

  private static String describe(SAXParseException e) {
    return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
  }
}
