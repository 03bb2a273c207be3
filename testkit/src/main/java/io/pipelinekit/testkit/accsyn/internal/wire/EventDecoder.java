package io.pipelinekit.testkit.accsyn.internal.wire;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.json.Json;
import io.pipelinekit.testkit.accsyn.internal.json.JsonSyntaxException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Turns an HTTP request to {@code /api/v3/event} into a {@link WireEvent}, following the client's
 * encoding: GET and DELETE carry the Python-quoted JSON event as the bare query string; PUT and
 * POST carry it as the raw body (any or no Content-Type); {@code gz_data} is base64 of gzipped
 * JSON.
 */
public final class EventDecoder {

  private EventDecoder() {}

  /**
   * Decodes a request.
   *
   * @param method the HTTP method
   * @param rawQuery the raw (still percent-encoded) query string, or null
   * @param body the body bytes (empty when none)
   */
  public static WireEvent decode(String method, String rawQuery, byte[] body) {
    String json;
    if ("GET".equals(method) || "DELETE".equals(method)) {
      if (rawQuery == null || rawQuery.isEmpty()) {
        if (body.length == 0) {
          throw AccsynError.invalid("No event supplied! Expected the JSON event as query string.");
        }
        json = new String(body, StandardCharsets.UTF_8);
      } else {
        json = PyQuoting.unquote(rawQuery);
      }
    } else if ("PUT".equals(method) || "POST".equals(method)) {
      if (body.length == 0) {
        throw AccsynError.invalid("No event supplied! Expected the JSON event as request body.");
      }
      json = new String(body, StandardCharsets.UTF_8);
    } else {
      throw AccsynError.invalid("Unsupported HTTP method " + method + "!");
    }
    Map<String, Object> envelope;
    try {
      envelope = Json.parseObject(json);
    } catch (JsonSyntaxException e) {
      throw AccsynError.invalid(
          "Could not decode event JSON: " + e.getMessage() + "!", "Malformed event payload!");
    }
    Object uriValue = envelope.get("uri");
    if (!(uriValue instanceof String uri) || uri.isBlank()) {
      throw AccsynError.invalid("Event is missing 'uri'!");
    }
    Object data = envelope.get("data");
    boolean compressed = false;
    Object gz = envelope.get("gz_data");
    if (gz != null) {
      if (!(gz instanceof String gzText)) {
        throw AccsynError.invalid("Event 'gz_data' must be a base64 string!");
      }
      data = inflate(gzText);
      compressed = true;
    }
    return new WireEvent(
        method,
        uri.trim(),
        data,
        optionalString(envelope.get("query")),
        optionalString(envelope.get("id")),
        compressed,
        envelope);
  }

  private static Optional<String> optionalString(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = String.valueOf(value);
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Object inflate(String base64) {
    byte[] zipped;
    try {
      zipped = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw AccsynError.invalid("Could not decode 'gz_data': not base64!");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Json.parse(text);
    } catch (IOException e) {
      throw AccsynError.invalid("Could not decompress 'gz_data': " + e.getMessage() + "!");
    } catch (JsonSyntaxException e) {
      throw AccsynError.invalid("Could not decode 'gz_data' JSON: " + e.getMessage() + "!");
    }
  }
}
