package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import java.util.List;
import java.util.Map;

/** What the entity operations delegate to the transfer engine. Called under the store lock. */
public interface JobHandler {

  /** Creates a transfer, delivery or request; returns the created (or appended-to) jobs. */
  List<Entity> create(Caller caller, String type, Map<String, Object> data);

  /** Adds tasks to a job; returns the created or revived tasks. */
  List<Entity> addTasks(Caller caller, Entity job, Map<String, Object> data);

  /** Applies an edit to a job (status, name, metadata, priority, queue). */
  Entity edit(Caller caller, Entity job, Map<String, Object> data);

  /** Applies task patches; returns the updated tasks. */
  List<Entity> editTasks(Caller caller, Entity job, List<Map<String, Object>> patches);

  /** Archives a job (stopping it first when forced). */
  void delete(Caller caller, Entity job, boolean force);
}
