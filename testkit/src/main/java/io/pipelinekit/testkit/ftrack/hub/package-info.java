/**
 * The fake ftrack event hub: {@link io.pipelinekit.testkit.ftrack.hub.FakeEventHub} speaks
 * Socket.IO 0.9 on the fake server's port and routes events by subscription; {@link
 * io.pipelinekit.testkit.ftrack.hub.WebUi} plays a user's browser (discover, launch, submit,
 * replies, pushed messages).
 */
package io.pipelinekit.testkit.ftrack.hub;
