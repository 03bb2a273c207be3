/**
 * Shared internals: JSON trees with exact numbers, the OkHttp client factory and its redirect
 * guard, redaction, the scheduler abstraction and the Immutables style. Not public API.
 */
package io.pipelinekit.core.internal;
