/**
 * JUnit 5 support for the fake accsyn server: {@link
 * io.pipelinekit.testkit.accsyn.junit.FakeAccsynTest} for annotation-driven tests and {@link
 * io.pipelinekit.testkit.accsyn.junit.FakeAccsynExtension} for fixtures built in code, with
 * parameter injection of the fake, credentials, URL and directories.
 */
package io.pipelinekit.testkit.accsyn.junit;
