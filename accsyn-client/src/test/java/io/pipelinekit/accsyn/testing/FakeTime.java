package io.pipelinekit.accsyn.testing;

import io.pipelinekit.accsyn.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A clock that only moves when the client "sleeps"; every sleep is recorded, none is real. */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized CompletableFuture<Void> sleep(Duration delay) {
    sleeps.add(delay);
    now = now.plus(delay);
    return CompletableFuture.completedFuture(null);
  }

  public synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
