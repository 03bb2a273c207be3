/**
 * Frame sequences: parse, expand, collapse and format image-sequence names such as {@code
 * comp.%04d.exr [1001-1100]} and {@code comp.1001-1100#.exr}.
 *
 * <ul>
 *   <li>{@link io.pipelinekit.paths.sequence.FrameSet}: an ordered set of frames stored as ranges,
 *       in fileseq ({@code 1-3,5-9x2,20}) and bracket ({@code [1-3, 5, 7, 9, 20]}) notation.
 *   <li>{@link io.pipelinekit.paths.sequence.SequencePattern}: head, frame token and tail; reads
 *       {@code %04d}, {@code #}, {@code @}, {@code $F4}, {@code <UDIM>}.
 *   <li>{@link io.pipelinekit.paths.sequence.FileSequence}: a pattern with its frames.
 *   <li>{@link io.pipelinekit.paths.sequence.SequenceCollapser}: turns a list of names into
 *       sequences and leftovers.
 * </ul>
 *
 * <p>Every convention the common tools disagree on is an explicit policy with a documented default:
 * {@link io.pipelinekit.paths.sequence.HashWidth} (what {@code #} means, default one digit), {@link
 * io.pipelinekit.paths.sequence.SignPadding} (whether {@code -} counts toward the width, default
 * yes, as printf), {@link io.pipelinekit.paths.sequence.AmbiguousPadding} (whether {@code 1000} is
 * padded). Directory parts, {@code C:\} drives and UNC prefixes pass through untouched. All types
 * are immutable and thread-safe; no method returns null.
 *
 * <pre>{@code
 * FileSequence seq = FileSequence.parse("\\\\fs01\\storage\\comp.%04d.exr [1001-1003, 1005]");
 * seq.expand().forEach(System.out::println);   // \\fs01\storage\comp.1001.exr ...
 * seq.holes().toRangeList();                   // "[1004]"
 *
 * CollapseResult result = SequenceCollapser.defaults().collapse(List.of(
 *     "/shots/a.1001.exr", "/shots/a.1002.exr", "/shots/a.1004.exr", "/shots/notes.txt"));
 * result.sequences().get(0).toBracketString(); // "/shots/a.%04d.exr [1001-1002, 1004]"
 * result.leftovers();                          // [/shots/notes.txt]
 * }</pre>
 */
package io.pipelinekit.paths.sequence;
