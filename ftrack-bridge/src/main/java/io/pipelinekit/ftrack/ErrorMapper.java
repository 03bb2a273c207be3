package io.pipelinekit.ftrack;

import io.pipelinekit.core.internal.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an answer that is not a result list into the typed exception (see docs/protocol/ftrack.md,
 * "Batches and errors"): the {@code exception} envelope (HTTP 200 or, in strict mode, an error
 * status), the 422 {@code detail} list, and anything else.
 */
final class ErrorMapper {
  private static final int EXCERPT = 300;
  private final Redactor redactor;

  ErrorMapper(Redactor redactor) {
    this.redactor = redactor;
  }

  FtrackException envelope(Map<?, ?> body, int status) {
    String name = String.valueOf(body.get("exception"));
    Object rawContent = body.get("content");
    String content = rawContent == null ? "" : redactor.redact(String.valueOf(rawContent));
    Object rawCode = body.get("error_code");
    String code = rawCode == null ? null : String.valueOf(rawCode);
    switch (name) {
      case "InvalidCredentialsError":
      case "FTAuthenticationError":
        return new FtrackAuthenticationException(
            name,
            content,
            code,
            status,
            "Check FTRACK_API_USER and FTRACK_API_KEY (API keys are made under Settings > API"
                + " keys in ftrack)");
      case "PermissionError":
        return new FtrackPermissionException(
            name,
            content,
            code,
            status,
            "The API user lacks the permission; give it a role on the project or use another user");
      case "ValidationError":
        return new FtrackValidationException(
            name, content, code, status, List.of(), "Fix the data sent; nothing was changed");
      default:
        return new FtrackServerException(
            name, content, code, status, "The whole batch was rolled back; nothing was changed");
    }
  }

  FtrackException detail(Object detail, int status) {
    List<String> lines = new ArrayList<>();
    if (detail instanceof List) {
      for (Object d : (List<?>) detail) {
        if (d instanceof Map) {
          Map<?, ?> m = (Map<?, ?>) d;
          lines.add(redactor.redact(m.get("loc") + ": " + m.get("msg")));
        } else {
          lines.add(redactor.redact(String.valueOf(d)));
        }
      }
    } else {
      lines.add(redactor.redact(String.valueOf(detail)));
    }
    return new FtrackValidationException(
        "UnprocessableEntity",
        String.join("; ", lines),
        null,
        status,
        lines,
        "The request did not match the operation's shape; this is a bug in the caller or bridge");
  }

  FtrackException unexpected(int status, String body, String what) {
    String excerpt = redactor.excerpt(body, EXCERPT);
    if (status == 401) {
      return new FtrackAuthenticationException(
          "HTTP 401", excerpt, null, status, "Check FTRACK_API_USER and FTRACK_API_KEY");
    }
    if (status == 403) {
      return new FtrackPermissionException(
          "HTTP 403", excerpt, null, status, "The API user may not call the API");
    }
    return new FtrackUnexpectedResponseException(status, excerpt, what);
  }
}
