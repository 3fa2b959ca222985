package cn.hrss.assessment;

import cn.hrss.assessment.workflow.TestDateSwitch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 评价机构备案与违纪处理工作流: Camunda 7 on Spring Boot.
 * Each top-level package is one feature (filing, discipline, registry, calendar, notification, identity, web).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentWorkflowsApplication {

  public static void main(String[] args) {
    TestDateSwitch.applyAtStart();
    SpringApplication.run(AssessmentWorkflowsApplication.class, args);
  }
}
