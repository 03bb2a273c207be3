package io.pipelinekit.paths.sequence;

/**
 * Turns an ordered stream of distinct frames into the canonical list of (start, end, step) runs.
 *
 * <p>The runs are found greedily: a run starts at a frame, takes its step from the next frame and
 * grows while the difference stays the same. A run of only two frames with a step other than ±1 is
 * split into two single frames, so {@code 1,3,4,5} reads {@code 1,3-5} rather than {@code
 * 1-3x2,4-5}. Because the result depends only on the frame sequence, two frame sets hold the same
 * frames in the same order exactly when their run arrays are equal, which makes {@code equals}
 * cheap.
 *
 * <p>{@link #addRun} appends a whole arithmetic progression in O(1), so {@code 1-10000000} costs
 * one run, not ten million frames. Callers guarantee that frames are distinct. Not thread-safe.
 */
final class RangeListBuilder {
  private IntArrayList starts = new IntArrayList(8);
  private IntArrayList ends = new IntArrayList(8);
  private IntArrayList steps = new IntArrayList(8);
  private long size;

  // The run still being extended: first frame, step (valid when count >= 2) and frame count.
  private long pendingStart;
  private long pendingStep;
  private long pendingCount;

  void addFrame(int frame) {
    if (pendingCount == 0) {
      pendingStart = frame;
      pendingCount = 1;
      return;
    }
    if (pendingCount == 1) {
      pendingStep = (long) frame - pendingStart;
      pendingCount = 2;
      return;
    }
    long last = pendingStart + pendingStep * (pendingCount - 1);
    if (frame == last + pendingStep) {
      pendingCount++;
      return;
    }
    if (pendingCount == 2 && Math.abs(pendingStep) != 1) {
      // Two frames are not worth a stepped run: the first stands alone, the second starts anew.
      emit(pendingStart, pendingStart, 1);
      pendingStart = last;
      pendingStep = (long) frame - last;
      pendingCount = 2;
      return;
    }
    emit(pendingStart, last, pendingStep);
    pendingStart = frame;
    pendingCount = 1;
  }

  /** Appends {@code count} frames {@code start, start + step, ...}; the same as adding each. */
  void addRun(int start, int step, long count) {
    for (long k = 0; k < count; k++) {
      if (k > 0 && pendingCount >= 2 && pendingStep == step) {
        // The pending run ends at the previous frame of this progression and has its step, so
        // every remaining frame would extend it one by one: extend it in one go.
        pendingCount += count - k;
        return;
      }
      addFrame((int) (start + (long) step * k));
    }
  }

  FrameSet build() {
    if (pendingCount == 1) {
      emit(pendingStart, pendingStart, 1);
    } else if (pendingCount == 2 && Math.abs(pendingStep) != 1) {
      emit(pendingStart, pendingStart, 1);
      long second = pendingStart + pendingStep;
      emit(second, second, 1);
    } else if (pendingCount >= 2) {
      emit(pendingStart, pendingStart + pendingStep * (pendingCount - 1), pendingStep);
    }
    pendingCount = 0;
    FrameSet result = FrameSet.ofRuns(starts.toArray(), ends.toArray(), steps.toArray(), size);
    starts = new IntArrayList(8);
    ends = new IntArrayList(8);
    steps = new IntArrayList(8);
    size = 0;
    return result;
  }

  private void emit(long start, long end, long step) {
    starts.add((int) start);
    ends.add((int) end);
    steps.add((int) step);
    size += (end - start) / step + 1;
  }
}
