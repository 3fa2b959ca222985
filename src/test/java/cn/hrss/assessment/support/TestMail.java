package cn.hrss.assessment.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One GreenMail SMTP server per test JVM on a free port. The {@code test} profile points
 * {@code spring.mail.*} at it through the property {@code assessment.test.mail-port}, which
 * {@link TestEnvironment} resolves by starting the server (so it is up before the Spring context sends
 * anything). Call {@link #reset()} in {@code @BeforeEach}; read what was sent with
 * {@code TestMail.server().getReceivedMessages()} or {@code waitForIncomingEmail}.
 */
public final class TestMail {

  private TestMail() {}

  /** The server, started on first use. */
  public static GreenMail server() {
    return Holder.SERVER;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /** Forgets every received message. */
  public static void reset() {
    try {
      server().purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException("could not purge the test mail server", e);
    }
  }

  /** The decoded text (all text parts: HTML and plain alternative, joined) of every message sent to {@code address}. */
  public static java.util.List<String> textsTo(String address) {
    return java.util.Arrays.stream(server().getReceivedMessages()).filter(m -> {
      try {
        return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).map(TestMail::textOf).toList();
  }

  /** The subject of every message sent to {@code address}, in the order received. */
  public static java.util.List<String> subjectsTo(String address) {
    return java.util.Arrays.stream(server().getReceivedMessages()).filter(m -> {
      try {
        return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The decoded text of a message or part: all its text parts (HTML and plain alternative) joined. */
  public static String textOf(jakarta.mail.Part part) {
    try {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
      if (content instanceof jakarta.mail.Multipart multipart) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          all.append(textOf(multipart.getBodyPart(i))).append('\n');
        }
        return all.toString();
      }
      return "";
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException("could not read a test mail", e);
    }
  }

  /** The attached files of a message (file name, decoded → content), in their order; none → empty. */
  public static java.util.Map<String, byte[]> attachmentsOf(jakarta.mail.Part part) {
    java.util.Map<String, byte[]> found = new java.util.LinkedHashMap<>();
    try {
      if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          found.putAll(attachmentsOf(multipart.getBodyPart(i)));
        }
      } else if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (java.io.InputStream in = part.getInputStream()) {
          found.put(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()), in.readAllBytes());
        }
      }
      return found;
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException("could not read a test mail", e);
    }
  }

  /** Initialization-on-demand: the JVM starts the server exactly once, thread-safely, on first access. */
  private static final class Holder {
    private static final GreenMail SERVER = start();

    private static GreenMail start() {
      GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-stop"));
      return server;
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
