package cn.hrss.assessment.browser;

import cn.hrss.assessment.support.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real-browser test of the whole application: an {@link IntegrationTest} whose test methods take a
 * {@link Browser} parameter (headless Chromium, Chinese browser language, screenshots under
 * target/screenshots/). Name such classes {@code Browser*IT}; failsafe runs them in its h2 execution only
 * (pom.xml: a browser session is slow and the database makes no difference to what the browser sees).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
