package io.pipelinekit.testkit.accsyn.internal.transfer;

/** A task's resolved endpoints and copy plan. */
record Resolved(
    Endpoint src,
    Endpoint dst,
    Location srcLoc,
    Location dstLoc,
    CopyPlan plan,
    String srcText,
    String dstText) {}
