/**
 * Jobs for user feedback: {@link io.pipelinekit.ftrack.jobs.JobFeedback} starts an ftrack Job that
 * a user sees in the web UI's Jobs menu, and {@link io.pipelinekit.ftrack.jobs.FeedbackJob} updates
 * its description and progress at a throttled rate, then finishes it as done or failed.
 */
package io.pipelinekit.ftrack.jobs;
