package cn.hrss.assessment.support;

import cn.hrss.assessment.workflow.TestDateSwitch;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Applies the suite's date switch ({@code -Dassessment.test.today}) to the test JVM's engine clock before any test
 * runs (registered in META-INF/services). Without the switch it does nothing.
 */
public class DateSwitchSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestDateSwitch.apply()) {
      System.out.println("Test date switch: today is " + TestDateSwitch.day() + " for this test JVM");
    }
  }
}
