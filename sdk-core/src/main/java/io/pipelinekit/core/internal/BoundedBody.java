package io.pipelinekit.core.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Source;

/**
 * Reads a response body into a string without ever holding more than a set number of bytes: an
 * answer announced or found to be larger fails with {@link BodyTooLargeException} as soon as the
 * limit is passed, so a huge or endless answer cannot exhaust the heap.
 */
public final class BoundedBody {
  private static final long CHUNK = 8192;

  private BoundedBody() {}

  /**
   * The body as text (the content type's charset, UTF-8 by default).
   *
   * @param body the body, or null for none
   * @param maxBytes the most bytes read, positive
   * @return the text; empty for no body
   * @throws BodyTooLargeException when the body is larger than {@code maxBytes}
   * @throws IOException when reading fails
   */
  public static String read(ResponseBody body, long maxBytes) throws IOException {
    if (body == null) {
      return "";
    }
    long announced = body.contentLength();
    if (announced > maxBytes) {
      throw new BodyTooLargeException(maxBytes, announced);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (true) {
      long n = source.read(buffer, CHUNK);
      if (n == -1) {
        break;
      }
      if (buffer.size() > maxBytes) {
        throw new BodyTooLargeException(maxBytes, -1);
      }
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return buffer.readString(charset == null ? StandardCharsets.UTF_8 : charset);
  }

  /**
   * The body's bytes as they arrive, for a reader that decodes while it reads: counted against the
   * limit, which fails the read as soon as it is passed, with the first few kilobytes kept for
   * error messages.
   *
   * @param body the body
   * @param maxBytes the most bytes read, positive
   * @return the counted source
   * @throws BodyTooLargeException when the body announces more than {@code maxBytes}
   */
  public static Counted counted(ResponseBody body, long maxBytes) throws BodyTooLargeException {
    long announced = body.contentLength();
    if (announced > maxBytes) {
      throw new BodyTooLargeException(maxBytes, announced);
    }
    return new Counted(body.source(), maxBytes);
  }

  /** A source that counts the bytes read, stops past the limit, and keeps the first few KB. */
  public static final class Counted extends ForwardingSource {
    /** How many of the first bytes are kept. */
    public static final int HEAD = 4096;

    private final Buffer head = new Buffer();
    private final long limit;
    private long count;

    Counted(Source source, long limit) {
      super(source);
      this.limit = limit;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long r = super.read(sink, byteCount);
      if (r > 0) {
        if (head.size() < HEAD) {
          sink.copyTo(head, sink.size() - r, Math.min(r, HEAD - head.size()));
        }
        count += r;
        if (count > limit) {
          throw new BodyTooLargeException(limit, -1);
        }
      }
      return r;
    }

    /**
     * How many bytes were read so far.
     *
     * @return the count
     */
    public long count() {
      return count;
    }

    /**
     * The first bytes read (up to {@link #HEAD}), as UTF-8 text.
     *
     * @return the text
     */
    public String head() {
      return head.clone().readUtf8();
    }
  }

  /** A response body larger than the reader's limit; no more of it was read. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long announced;

    /**
     * The failure.
     *
     * @param limit the limit in bytes
     * @param announced the announced length, or -1 when the body went past the limit while read
     */
    public BodyTooLargeException(long limit, long announced) {
      super(
          announced >= 0
              ? "the response body is " + announced + " bytes, over the limit of " + limit
              : "the response body is over the limit of " + limit + " bytes");
      this.limit = limit;
      this.announced = announced;
    }

    /**
     * The limit in bytes.
     *
     * @return the limit
     */
    public long limit() {
      return limit;
    }

    /**
     * The length the server announced, when it did and it was over the limit.
     *
     * @return bytes, or -1 when the limit was passed while reading
     */
    public long announced() {
      return announced;
    }
  }
}
