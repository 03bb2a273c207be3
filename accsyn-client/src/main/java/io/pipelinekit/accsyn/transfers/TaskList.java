package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.internal.EventEncoder;
import io.pipelinekit.accsyn.internal.PyJsonWriter;
import io.pipelinekit.accsyn.internal.WireData;
import io.pipelinekit.accsyn.party.AccsynPath;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;

/**
 * The {@code tasks} of a create payload: an unmodifiable list of each task's {@link
 * TaskSpec#toData()}, made on access, that writes itself and estimates its size straight from the
 * specs. A job of 100,000 tasks is so encoded without a map per task or a JSON string of it.
 */
final class TaskList extends AbstractList<Object> implements RandomAccess, WireData {
  private final List<TaskSpec> tasks;

  /**
   * The list.
   *
   * @param tasks the tasks, an unmodifiable list
   */
  TaskList(List<TaskSpec> tasks) {
    this.tasks = tasks;
  }

  @Override
  public Object get(int index) {
    return tasks.get(index).toData();
  }

  @Override
  public int size() {
    return tasks.size();
  }

  @Override
  public long estimate(long stopAbove) {
    long n = 0;
    for (TaskSpec t : tasks) {
      n += estimate(t);
      if (n > stopAbove) {
        break;
      }
    }
    return n;
  }

  @Override
  public void writeTo(PyJsonWriter out) throws IOException {
    out.beginArray();
    for (TaskSpec t : tasks) {
      write(t, out);
    }
    out.endArray();
  }

  // Both methods below follow TaskSpec.toData() key by key; a test holds them to it.

  private static long estimate(TaskSpec t) {
    if (t.isBarePath()) {
      return length(t.source().toString());
    }
    long n = 0;
    Optional<String> id = t.id();
    if (id.isPresent()) {
      n += 2 + length(id.get());
    }
    n += 6 + length(t.source().toString());
    Optional<AccsynPath> destination = t.destination();
    if (destination.isPresent()) {
      n += 11 + length(destination.get().toString());
    }
    if (t.priority().isPresent()) {
      n += 8 + 10;
    }
    Optional<TaskStatus> status = t.status();
    if (status.isPresent()) {
      n += 6 + length(status.get().wire());
    }
    if (!t.settings().isEmpty()) {
      n += 8 + EventEncoder.estimateSize(t.settings());
    }
    if (!t.metadata().isEmpty()) {
      n += 8 + EventEncoder.estimateSize(t.metadata());
    }
    return n + EventEncoder.estimateSize(t.extra());
  }

  private static void write(TaskSpec t, PyJsonWriter out) throws IOException {
    if (t.isBarePath()) {
      out.value(t.source().toString());
      return;
    }
    out.beginObject();
    Optional<String> id = t.id();
    if (id.isPresent()) {
      out.name("id");
      out.value(id.get());
    }
    out.name("source");
    out.value(t.source().toString());
    Optional<AccsynPath> destination = t.destination();
    if (destination.isPresent()) {
      out.name("destination");
      out.value(destination.get().toString());
    }
    OptionalInt priority = t.priority();
    if (priority.isPresent()) {
      out.name("priority");
      out.value((long) priority.getAsInt());
    }
    Optional<TaskStatus> status = t.status();
    if (status.isPresent()) {
      out.name("status");
      out.value(status.get().wire());
    }
    if (!t.settings().isEmpty()) {
      out.name("settings");
      out.value(t.settings());
    }
    if (!t.metadata().isEmpty()) {
      out.name("metadata");
      out.value(t.metadata());
    }
    for (Map.Entry<String, Object> e : t.extra().entrySet()) {
      out.name(e.getKey());
      out.value(e.getValue());
    }
    out.endObject();
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
