package io.pipelinekit.paths.sequence;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A sequence of files: a {@link SequencePattern} and the {@link FrameSet} of frames that exist.
 *
 * <p>{@link #parse} reads both common notations:
 *
 * <ul>
 *   <li>bracket form (clique, pyseq, ftrack): {@code /shots/comp.%04d.exr [1001-1100]}, {@code
 *       comp.%04d.exr [1-3, 6]}; the list follows the pattern after white space;
 *   <li>inline form (fileseq): {@code /shots/comp.1001-1100#.exr}, {@code comp.1-10x2@@@@.exr}; the
 *       range sits just before the token.
 * </ul>
 *
 * <p>Directory separators and {@code C:\} or {@code \\server\share} prefixes are kept as written.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * FileSequence seq = FileSequence.parse("/shots/comp.%04d.exr [1001-1002, 1004-1005, 1010]");
 * seq.expand().findFirst();            // Optional[/shots/comp.1001.exr]
 * seq.holes();                         // 1003,1006-1009
 * seq.toInlineString(HashWidth.FOUR);  // "/shots/comp.1001-1002,1004-1005,1010#.exr"
 * }</pre>
 */
public final class FileSequence {
  private final SequencePattern pattern;
  private final FrameSet frames;

  private FileSequence(SequencePattern pattern, FrameSet frames) {
    this.pattern = pattern;
    this.frames = frames;
  }

  /**
   * Returns the sequence of {@code frames} named by {@code pattern}.
   *
   * @param pattern the file-name pattern
   * @param frames the frames, possibly empty
   * @return the sequence
   * @throws SequenceException if the pattern is a UDIM or UVTILE pattern and a frame is not a tile
   *     between 1001 and 1999
   */
  public static FileSequence of(SequencePattern pattern, FrameSet frames) {
    Objects.requireNonNull(pattern, "pattern == null");
    Objects.requireNonNull(frames, "frames == null");
    if (!frames.isEmpty()
        && (pattern.style() == TokenStyle.UDIM || pattern.style() == TokenStyle.UVTILE)) {
      pattern.checkTile(frames.min().getAsInt());
      pattern.checkTile(frames.max().getAsInt());
    }
    return new FileSequence(pattern, frames);
  }

  /**
   * Parses a sequence with {@link SequenceSyntax#defaults()} ({@code #} is one digit).
   *
   * @param text a sequence in bracket or inline form
   * @return the sequence
   * @throws SequenceSyntaxException if the text is not a sequence with a frame range
   */
  public static FileSequence parse(String text) {
    return parse(text, SequenceSyntax.defaults());
  }

  /**
   * Parses a sequence in bracket or inline form with the given syntax.
   *
   * <p>The frame range is required; for a pattern alone use {@link SequencePattern#parse}. In the
   * inline form, a {@code -} before the range is a minus sign only after a {@code .} or at the
   * start of the file name, as in the collapser: {@code 434-1-3#.exr} is frames 1 to 3 of {@code
   * 434-####.exr}.
   *
   * @param text a sequence in bracket or inline form
   * @param syntax what {@code #} means and how negative frames render
   * @return the sequence
   * @throws SequenceSyntaxException if the text is not a sequence with a frame range
   */
  public static FileSequence parse(String text, SequenceSyntax syntax) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(syntax, "syntax == null");
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int bracket = bracketStart(text, end);
    int patternEnd = end;
    if (bracket >= 0) {
      patternEnd = bracket;
      while (Character.isWhitespace(text.charAt(patternEnd - 1))) {
        patternEnd--;
      }
    }
    int nameStart = TokenScanner.fileNameStart(text, 0, patternEnd);
    Token token = TokenScanner.find(text, nameStart, patternEnd, syntax);
    if (token == null) {
      throw new SequenceSyntaxException(
          "no frame token in the file name: write a pattern such as comp.%04d.exr [1-10] or"
              + " comp.1-10#.exr",
          text, -1);
    }
    String head = text.substring(0, token.start());
    FrameSet frames;
    if (bracket >= 0) {
      frames = FrameRangeParser.parse(text, bracket, end);
    } else {
      int rangeStart = inlineRangeStart(text, nameStart, token.start());
      if (rangeStart < 0) {
        throw new SequenceSyntaxException(
            "no frame range: add one before the token (comp.1-10#.exr) or after the pattern in"
                + " brackets (comp.%04d.exr [1-10]); for a pattern alone use"
                + " SequencePattern.parse",
            text, -1);
      }
      frames = FrameRangeParser.parse(text, rangeStart, token.start());
      head = text.substring(0, rangeStart);
    }
    SequencePattern pattern =
        SequencePattern.fromToken(text.substring(0, patternEnd), token, syntax.signPadding())
            .withHead(head);
    return of(pattern, frames);
  }

  /** Start of a trailing {@code [...]} preceded by white space, or -1. */
  private static int bracketStart(String text, int end) {
    if (end == 0 || text.charAt(end - 1) != ']') {
      return -1;
    }
    int open = text.lastIndexOf('[', end - 1);
    if (open <= 0 || !Character.isWhitespace(text.charAt(open - 1))) {
      return -1;
    }
    return open;
  }

  /**
   * Finds the longest inline frame range that ends at {@code tokenStart}, or returns -1. The range
   * must start the file name or follow a character that is not a letter or digit, so the {@code
   * 003} of {@code comp_v003####.exr} is never a range.
   */
  private static int inlineRangeStart(String text, int nameStart, int tokenStart) {
    int start = tokenStart;
    while (start > nameStart && isRangeChar(text.charAt(start - 1))) {
      start--;
    }
    for (int s = start; s < tokenStart; s++) {
      if (isRangeStart(text, nameStart, s) && parses(text, s, tokenStart)) {
        return s;
      }
    }
    return -1;
  }

  private static boolean isRangeStart(String text, int nameStart, int s) {
    char c = text.charAt(s);
    char before = s > nameStart ? text.charAt(s - 1) : '/';
    if (c == '-') {
      // A minus sign only after a dot or at the start of the name, as in the collapser.
      return before == '.' || before == '/';
    }
    return c >= '0' && c <= '9' && !Character.isLetterOrDigit(before);
  }

  private static boolean parses(String text, int from, int to) {
    try {
      FrameRangeParser.parse(text, from, to);
      return true;
    } catch (SequenceSyntaxException e) {
      return false;
    }
  }

  private static boolean isRangeChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == ',' || c == 'x' || c == 'y' || c == ':';
  }

  /**
   * Returns the file-name pattern.
   *
   * @return the pattern
   */
  public SequencePattern pattern() {
    return pattern;
  }

  /**
   * Returns the frames.
   *
   * @return the frame set, possibly empty
   */
  public FrameSet frames() {
    return frames;
  }

  /**
   * Returns the number of files.
   *
   * @return the frame count
   */
  public long size() {
    return frames.size();
  }

  /**
   * Returns the file names of every frame, in frame order, lazily: nothing is rendered until the
   * stream is consumed.
   *
   * @return a sequential stream of file names
   */
  public Stream<String> expand() {
    return frames.stream().mapToObj(pattern::render);
  }

  /**
   * Returns the missing frames between the first and last frame.
   *
   * @return the holes, ascending; empty if there are none
   */
  public FrameSet holes() {
    return frames.holes();
  }

  /**
   * Returns the bracket form of clique and ftrack: {@code a.%04d.exr [1001-1002, 1004-1005, 1010]}.
   *
   * @return the pattern as written, a space and the bracketed frame list
   */
  public String toBracketString() {
    return pattern + " " + frames.toRangeList();
  }

  /**
   * Returns the inline form of fileseq: {@code a.1001-1002,1004-1005,1010#.exr} with {@link
   * HashWidth#FOUR}, {@code a.1001-1002,1004-1005,1010####.exr} with {@link HashWidth#ONE}. Numeric
   * tokens are written as {@code #} and {@code @} (as fileseq does); UDIM tokens are kept.
   *
   * @param hashWidth what one {@code #} stands for in the output
   * @return the inline sequence string
   */
  public String toInlineString(HashWidth hashWidth) {
    Objects.requireNonNull(hashWidth, "hashWidth == null");
    boolean tile = pattern.style() == TokenStyle.UDIM || pattern.style() == TokenStyle.UVTILE;
    String token = tile ? pattern.token() : pattern.withStyle(TokenStyle.HASH, hashWidth).token();
    return pattern.head() + frames + token + pattern.tail();
  }

  /**
   * Returns whether {@code o} is a sequence with an equal pattern and an equal frame set.
   *
   * @param o the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof FileSequence
        && ((FileSequence) o).pattern.equals(pattern)
        && ((FileSequence) o).frames.equals(frames);
  }

  @Override
  public int hashCode() {
    return 31 * pattern.hashCode() + frames.hashCode();
  }

  /**
   * Returns the bracket form, as {@link #toBracketString()}.
   *
   * @return a readable description that {@link #parse} reads back
   */
  @Override
  public String toString() {
    return toBracketString();
  }
}
