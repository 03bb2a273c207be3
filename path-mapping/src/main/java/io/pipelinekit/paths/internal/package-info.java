/**
 * Implementation details of path mapping: the path parser, file URLs, the component trie, text
 * folding, Windows name rules and the small JSON reader. Public only so the API package can use
 * them; not part of the supported API and may change in any release.
 */
package io.pipelinekit.paths.internal;
