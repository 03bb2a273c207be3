/** Plumbing of the flows module; no compatibility promise. */
package io.pipelinekit.flows.internal;
