/** Shared plumbing of the typed API: lenient field reading, JSON value checks, etr parsing. */
package io.pipelinekit.accsyn.internal.typed;
