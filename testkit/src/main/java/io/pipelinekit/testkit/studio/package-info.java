/**
 * A ready-made studio on both fakes, cast as accsyn's tutorials cast it: an admin who sets things
 * up, an employee account that scripts run as, an employee with a workstation, a vendor and two
 * review clients, each with their own API key. See {@link
 * io.pipelinekit.testkit.studio.TutorialStudio}.
 */
package io.pipelinekit.testkit.studio;
