/**
 * The ftrack action listener: "accsyn Send" and "Distribute review session" in the ftrack web UI's
 * Actions menu, with forms, background work reported on ftrack Jobs, optional auto-send on task
 * assignment, and claims so that several replicas can serve the same clicks.
 */
package io.pipelinekit.examples.listen;
