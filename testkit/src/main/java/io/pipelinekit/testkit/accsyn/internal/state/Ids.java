package io.pipelinekit.testkit.accsyn.internal.state;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Id generator: 24-hex ObjectId-like ids (a per-fake prefix plus a counter) and UUIDs for tasks. In
 * deterministic mode the prefix is fixed and UUIDs are derived from the counter, so two runs of the
 * same test see the same ids.
 */
public final class Ids {
  private final String prefix;
  private final boolean deterministic;
  private final AtomicLong counter = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  /** Creates a generator; deterministic ones always start from the same prefix. */
  public Ids(boolean deterministic) {
    this.deterministic = deterministic;
    this.prefix =
        deterministic ? "65a1f0c0d0" : String.format("%010x", random.nextLong() & 0xffffffffffL);
  }

  /** The next ObjectId-like id: 24 lowercase hex digits. */
  public String next() {
    return prefix + String.format("%014x", counter.incrementAndGet());
  }

  /** The next UUID string (tasks, files, session ids). */
  public String uuid() {
    if (deterministic) {
      long n = counter.incrementAndGet();
      return new UUID(0x65a1f0c0d0004000L, 0x8000000000000000L | n).toString();
    }
    return UUID.randomUUID().toString();
  }

  /** Whether a string looks like an entity id ({@code ^[a-z0-9]{24}$}). */
  public static boolean isId(String s) {
    return s != null && s.matches("[a-z0-9]{24}");
  }
}
