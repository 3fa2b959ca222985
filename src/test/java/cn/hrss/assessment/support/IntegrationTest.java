package cn.hrss.assessment.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test of the whole application on a random port with the {@code test} profile
 * (application-test.yml): a fresh in-memory H2 database, or a fresh database on the embedded PostgreSQL 17
 * when failsafe's {@code postgres} execution runs it ({@link TestDatabase}); job executor off (drive jobs
 * with {@link Jobs}); demo users on; mail to {@link TestMail}. Name such tests {@code *IT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CloseContextsAtTheEnd.class)
public @interface IntegrationTest {}
