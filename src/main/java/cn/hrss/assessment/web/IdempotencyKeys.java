package cn.hrss.assessment.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} request header of the creating POSTs (IETF httpapi draft "The Idempotency-Key HTTP
 * Header Field"; issue 16): a portal that timed out sends the same request again with the same key and gets the
 * first response (same number, same status) instead of a second application or case.
 *
 * <ul>
 *   <li>The first response is recorded by {@link #record} in the transaction that creates the application or case,
 *       before anything else of it: either both are stored or neither (a crash at any point), and a concurrent
 *       request with the same key fails on the primary key ({@link Conflict}) and is answered with the first
 *       response once that commits.</li>
 *   <li>Same key, same body within {@link #KEPT} → the recorded response ({@code Idempotent-Replayed: true}); same
 *       key, another body → 422; after 24 hours the key is forgotten.</li>
 *   <li>Keys are scoped by endpoint and caller (the {@code Authorization} header). Neither the key nor the response
 *       is stored in clear: the row is found by a hash, and the response (it holds the applicant's access token) is
 *       sealed with AES-GCM under a key derived from the Idempotency-Key, which only the client knows.</li>
 * </ul>
 */
@Component
public class IdempotencyKeys {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";
  /** Set on a replayed response. */
  public static final String REPLAYED = "Idempotent-Replayed";
  /** How long a key's response is kept. */
  public static final Duration KEPT = Duration.ofHours(24);

  private static final int MAX_KEY_LENGTH = 255;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A request that carries a key. */
  public record Key(String id, String requestHash, byte[] sealingKey) {}

  /** A recorded response. */
  public record Response(int status, String location, String body) {}

  /** Another request with the same key recorded its response first (concurrent retries). */
  public static final class Conflict extends RuntimeException {
    Conflict() {
      super("another request with the same Idempotency-Key was first");
    }
  }

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The key of a request, or {@code null} without the header.
   *
   * @param endpoint e.g. {@code POST /api/filings}
   * @param authorization the request's {@code Authorization} header (the caller), or {@code null}
   * @param body the request body as the endpoint reads it (its parts in order)
   * @throws ApiProblem 400 for an empty, over-long or non-printable key
   */
  public Key of(String header, String endpoint, String authorization, List<byte[]> body) {
    if (header == null) {
      return null;
    }
    String key = header.strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiProblem.invalid(HEADER, "须为 1–" + MAX_KEY_LENGTH + " 个可打印 ASCII 字符（建议使用 UUID）");
    }
    byte[] raw = key.getBytes(StandardCharsets.US_ASCII);
    String id = hex(sha256(List.of(endpoint.getBytes(StandardCharsets.UTF_8),
        sha256(List.of(authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8))), raw)));
    return new Key(id, hex(sha256(body)), hmac(raw, "idempotency-response"));
  }

  /**
   * The response recorded for the key, if any within {@link #KEPT}.
   *
   * @throws ApiProblem 422 when the key was used with another body
   */
  private Optional<Response> recorded(Key key) {
    if (key == null) {
      return Optional.empty();
    }
    Timestamp since = Timestamp.from(now().minus(KEPT));
    return jdbc.query("SELECT request_hash, status, location, response_sealed, created_at FROM idempotency_key"
        + " WHERE key_id = ?", (rs, n) -> {
          if (rs.getTimestamp("created_at").before(since)) {
            return null;
          }
          if (!rs.getString("request_hash").equals(key.requestHash())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key 已用于另一请求",
                "该 Idempotency-Key 已用于内容不同的请求；重试时请发送与首次完全相同的请求，新请求请使用新的 Idempotency-Key。");
          }
          return new Response(rs.getInt("status"), rs.getString("location"),
              unseal(key.sealingKey(), rs.getString("response_sealed")));
        }, key.id()).stream().filter(r -> r != null).findFirst();
  }

  /**
   * The recorded response as the endpoint answers it again: its status, {@code Location} and body (read as
   * {@code type}), with {@code Idempotent-Replayed: true}.
   *
   * @throws ApiProblem 422 when the key was used with another body
   */
  public <T> Optional<ResponseEntity<T>> replay(Key key, Class<T> type) {
    return recorded(key).map(r -> {
      try {
        return ResponseEntity.status(r.status()).headers(replayHeaders(r)).body(json.readValue(r.body(), type));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a recorded response is not the JSON it was written as", e);
      }
    });
  }

  /**
   * Records the response to the key (its body written as JSON) in the caller's transaction (call it first in the
   * transaction that creates what the response names). A key older than {@link #KEPT} is replaced.
   *
   * @throws Conflict if another request with the key recorded first
   */
  public void record(Key key, int status, String location, Object body) {
    if (key == null) {
      return;
    }
    String written;
    try {
      written = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    purgeExpired(); // the key's own expired row with the others (indexed on created_at: cheap)
    try {
      jdbc.update("INSERT INTO idempotency_key (key_id, request_hash, status, location, response_sealed, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", key.id(), key.requestHash(), status, location, seal(key.sealingKey(), written),
          Timestamp.from(now()));
    } catch (DuplicateKeyException e) {
      throw new Conflict();
    }
  }

  /** Forgets keys older than {@link #KEPT}; returns how many. */
  public int purgeExpired() {
    return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(now().minus(KEPT)));
  }

  private static HttpHeaders replayHeaders(Response response) {
    HttpHeaders headers = new HttpHeaders();
    if (response.location() != null) {
      headers.set(HttpHeaders.LOCATION, response.location());
    }
    headers.set(REPLAYED, "true");
    return headers;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String seal(byte[] key, String body) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unseal(byte[] key, String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, 12));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a recorded response could not be opened with its Idempotency-Key", e);
    }
  }

  private static byte[] hmac(byte[] key, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 over the parts, each preceded by its length (so that part boundaries count). */
  private static byte[] sha256(List<byte[]> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(ByteBuffer.allocate(8).putLong(part.length).array());
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
