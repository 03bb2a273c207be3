package io.pipelinekit.accsyn.internal;

import java.io.IOException;

/**
 * A part of an event's {@code data} that writes itself straight from typed values: a job's task
 * list of 100,000 entries is encoded into the request without first becoming a tree of maps and a
 * JSON string. Its text and size estimate must be exactly those of the plain value it stands for.
 */
public interface WireData {
  /**
   * The official client's size estimate of the plain value (see {@link EventEncoder#estimateSize}),
   * or, once the count passes {@code stopAbove}, any number above it.
   *
   * @param stopAbove where counting may stop
   * @return the estimate, or a number above {@code stopAbove}
   */
  long estimate(long stopAbove);

  /**
   * Writes the value as {@link PyJson} would write the plain value.
   *
   * @param out the writer
   * @throws IOException when the stream fails
   */
  void writeTo(PyJsonWriter out) throws IOException;
}
