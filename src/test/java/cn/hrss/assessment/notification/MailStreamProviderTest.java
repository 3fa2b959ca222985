package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/**
 * NotificationService names Jakarta Mail's StreamProvider implementation in a system property (a ServiceLoader
 * scan per MIME part otherwise). If a mail library upgrade renamed that class, every notice would fail to build:
 * this test fails first.
 */
class MailStreamProviderTest {

  @Test
  void theNamedStreamProviderIsTheOneJakartaMailUses() throws ClassNotFoundException {
    Class.forName(NotificationService.class.getName()); // runs its static initialiser
    String named = System.getProperty(NotificationService.STREAM_PROVIDER_PROPERTY);

    assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(StreamProvider.class.isAssignableFrom(Class.forName(named))).isTrue();
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(named);
  }
}
