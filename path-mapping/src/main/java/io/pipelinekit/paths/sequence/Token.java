package io.pipelinekit.paths.sequence;

/** A frame token found in a pattern: {@code text[start, end)}, its style and digit width. */
record Token(int start, int end, TokenStyle style, int width) {}
