package cn.hrss.assessment.notification;

/** A notice could not be rendered or sent; the attempt is recorded. From a job: Camunda retries, then an incident. */
public class NoticeDeliveryException extends RuntimeException {

  public NoticeDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Without a cause: another attempt of the same notice holds the claim. */
  public NoticeDeliveryException(String message) {
    super(message);
  }
}
