package cn.hrss.assessment.filing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The printable receipt (备案回执) with the result letter of 002 Annex 1 §一(十二): the very template that was
 * e-mailed (templates/mail/filing-receipt.html), rendered for the applicant to print at any time.
 */
@Component
class FilingReceipts {

  private final FilingNoticeModel model;
  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  FilingReceipts(FilingNoticeModel model) {
    this.model = model;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(FilingReceipts.class.getClassLoader());
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    engine.setTemplateResolver(resolver);
  }

  String receiptHtml(FilingRepository.StoredApplication application) {
    Map<String, Object> values = new HashMap<>(model.contribute(FilingProcess.KEY, application.applicationNo()));
    values.put("caseRef", application.applicationNo());
    values.put(FilingProcess.Vars.INSTITUTION_TYPE, application.institutionType());
    return engine.process("filing-receipt", new Context(Locale.SIMPLIFIED_CHINESE, values));
  }
}
