package io.pipelinekit.accsyn.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import okhttp3.Request;

/** The headers every accsyn request carries, and the secrets among them. */
final class AccsynHeaders {
  private final String workspace;
  private final String authorization;
  private final String keyBase64;
  private final String device;

  AccsynHeaders(EngineConfig config) {
    Base64.Encoder b64 = Base64.getEncoder();
    this.workspace = config.workspace();
    // accsyn's own scheme, not RFC 7617: "basic b64(user):b64(key)".
    this.keyBase64 = b64.encodeToString(config.apiKey().getBytes(StandardCharsets.UTF_8));
    this.authorization =
        "basic "
            + b64.encodeToString(config.username().getBytes(StandardCharsets.UTF_8))
            + ":"
            + keyBase64;
    this.device = Device.deviceString(config.hostname());
  }

  /** What a log line or message must never show: the key, its base64 form, the header value. */
  List<String> secrets(String apiKey) {
    return List.of(apiKey, keyBase64, authorization);
  }

  /** The headers of a request that needs no login (the master lookup). */
  Request.Builder anonymous(Request.Builder b) {
    return b.header("X-Accsyn-Device", device).header("User-Agent", userAgent());
  }

  /** The headers of an authenticated request. */
  Request.Builder authorized(Request.Builder b) {
    return anonymous(
        b.header("Authorization", authorization).header("X-Accsyn-Workspace", workspace));
  }

  private static String userAgent() {
    return Device.SDK + "/" + Device.version();
  }
}
