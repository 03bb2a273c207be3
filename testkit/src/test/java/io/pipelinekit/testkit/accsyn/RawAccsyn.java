package io.pipelinekit.testkit.accsyn;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * A hand-written accsyn wire client for tests, built from the protocol and deliberately independent
 * of the fake's own codec: its own Python {@code json.dumps} writer (", " and ": " separators,
 * {@code \\uXXXX} escapes), its own Python {@code quote}, and Moshi's reader for responses.
 */
final class RawAccsyn {
  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(10, TimeUnit.SECONDS)
          .retryOnConnectionFailure(false)
          .build();

  private final Credentials credentials;
  private String sessionId;

  RawAccsyn(Credentials credentials) {
    this.credentials = credentials;
  }

  /** Status and parsed body of a response. */
  record Reply(int status, Map<String, Object> body, String raw) {
    Object result() {
      return body.get("result");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      if (body.containsKey("message")) {
        throw new AssertionError("Expected a result, got " + raw);
      }
      return (List<Map<String, Object>>) body.get("result");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> first() {
      return list().get(0);
    }

    String message() {
      return (String) body.get("message");
    }

    String messageHr() {
      return (String) body.get("message_hr");
    }
  }

  Reply login() {
    Reply r = send(base().addPathSegments("api/v3/api/login").build(), "PUT", "{}", auth());
    if (r.result() instanceof Map<?, ?> m) {
      sessionId = (String) m.get("session_id");
    }
    return r;
  }

  Reply find(String uri, Map<String, Object> data, String query, String id) {
    return event("GET", uri, data, query, id);
  }

  Reply event(String method, String uri, Object data, String query, String id) {
    Map<String, Object> e = envelope(uri, query, id);
    e.put("data", data);
    return sendEvent(method, e);
  }

  /** Sends data as gz_data (gzip + base64 of the Python JSON). */
  Reply eventGz(String method, String uri, Object data, String query, String id) {
    Map<String, Object> e = envelope(uri, query, id);
    e.put("gz_data", gzip(pyJson(data)));
    return sendEvent(method, e);
  }

  private Map<String, Object> envelope(String uri, String query, String id) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("audience", "api");
    e.put("workspace", credentials.workspace());
    e.put("eid", UUID.randomUUID().toString());
    e.put("session", sessionId);
    e.put("uri", uri);
    e.put("ident", credentials.username());
    e.put(
        "created",
        LocalDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
    e.put("hostname", "testhost");
    if (query != null) {
      e.put("query", query);
    }
    if (id != null) {
      e.put("id", id);
    }
    return e;
  }

  private Reply sendEvent(String method, Map<String, Object> event) {
    String json = pyJson(event);
    HttpUrl.Builder url = base().addPathSegments("api/v3/event");
    if (method.equals("GET") || method.equals("DELETE")) {
      url.encodedQuery(pyQuote(json));
      return send(url.build(), method, null, auth());
    }
    return send(url.build(), method, json, auth());
  }

  Reply rawGet(String pathAndQuery, Map<String, String> headers) {
    HttpUrl url = HttpUrl.get(credentials.baseUrl().toString() + pathAndQuery);
    return send(url, "GET", null, headers);
  }

  Reply send(HttpUrl url, String method, String body, Map<String, String> headers) {
    Request.Builder rb = new Request.Builder().url(url);
    headers.forEach(rb::header);
    rb.header("X-Accsyn-Device", "JavaTest v1 @ linux testhost(posix)");
    if (method.equals("GET")) {
      rb.get();
    } else if (method.equals("DELETE")) {
      rb.delete();
    } else {
      // No Content-Type, as the Python client sends it.
      rb.method(method, RequestBody.create(body.getBytes(StandardCharsets.UTF_8), null));
    }
    try (Response response = HTTP.newCall(rb.build()).execute()) {
      String text = response.body().string();
      return new Reply(response.code(), parse(text), text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Map<String, String> auth() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", credentials.authorization());
    h.put("X-Accsyn-Workspace", credentials.workspace());
    return h;
  }

  private HttpUrl.Builder base() {
    return HttpUrl.get(credentials.baseUrl().toString()).newBuilder();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String text) {
    try {
      Object v = JsonReader.of(new Buffer().writeUtf8(text)).readJsonValue();
      return v instanceof Map ? (Map<String, Object>) v : Map.of("_raw", text);
    } catch (IOException | RuntimeException e) {
      return Map.of("_raw", text);
    }
  }

  /** Python json.dumps with default settings. */
  static String pyJson(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Number n) {
      sb.append(n);
    } else {
      string(sb, String.valueOf(v));
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Python urllib.parse.quote(s) with safe='/'. */
  static String pyQuote(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-'
              || c == '~'
              || c == '/';
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  static String gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
