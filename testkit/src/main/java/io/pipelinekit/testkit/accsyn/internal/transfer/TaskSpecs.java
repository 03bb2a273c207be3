package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's ways of describing a job's tasks and settings: the three task forms (a list, a dict
 * keyed by index, or top-level {@code source}/{@code destination}), numbers that arrive as text,
 * and the status values a job and a task may be given.
 */
final class TaskSpecs {
  static final Set<String> JOB_STATUSES =
      Set.of("waiting", "paused", "aborted", "done", "pending", "init");
  static final Set<String> TASK_STATUSES = Set.of("queued", "onhold", "excluded", "failed", "done");

  private TaskSpecs() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parse(Map<String, Object> data) {
    List<Map<String, Object>> out = new ArrayList<>();
    Object tasks = data.get("tasks");
    List<Object> items = new ArrayList<>();
    if (tasks instanceof List<?> l) {
      items.addAll(l);
    } else if (tasks instanceof Map<?, ?> m) {
      boolean keyed = m.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"));
      if (keyed && !m.isEmpty()) {
        items.addAll(m.values());
      } else {
        items.add(m);
      }
    } else if (tasks != null) {
      throw AccsynError.invalid("'tasks' must be a list or a dict of tasks!");
    }
    if (items.isEmpty() && data.get("source") != null) {
      Map<String, Object> single = new LinkedHashMap<>();
      single.put("source", data.get("source"));
      single.put("destination", data.get("destination"));
      items.add(single);
    }
    for (Object item : items) {
      Map<String, Object> spec = new LinkedHashMap<>();
      if (item instanceof String s) {
        spec.put("source", s);
      } else if (item instanceof Map<?, ?> m) {
        spec.putAll((Map<String, Object>) m);
      } else {
        throw AccsynError.invalid("Invalid task definition: " + item + "!");
      }
      if (spec.get("source") == null) {
        spec.put("source", data.get("source"));
      }
      if (!spec.containsKey("destination") || spec.get("destination") == null) {
        spec.put("destination", data.get("destination"));
      }
      if (spec.get("source") == null) {
        throw AccsynError.invalid("Task has no source!");
      }
      out.add(spec);
    }
    return out;
  }

  static Object number(Object v) {
    if (v instanceof Number n) {
      return n;
    }
    try {
      return Long.parseLong(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      throw AccsynError.invalid("Expected a number, got '" + v + "'!");
    }
  }

  static void validateSettings(Object settings) {
    if (settings == null) {
      return;
    }
    if (!(settings instanceof Map<?, ?> m)) {
      throw AccsynError.invalid("Job 'settings' must be a dict!");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        throw AccsynError.invalid(
            "Setting '" + e.getKey() + "' must be a string value, got " + e.getValue() + "!");
      }
    }
  }
}
