/**
 * An embedded, stateful fake accsyn server for offline tests of pipeline code.
 *
 * <p>{@link io.pipelinekit.testkit.accsyn.FakeAccsyn} speaks the v3 wire protocol on 127.0.0.1
 * (master lookup, login, events with Python-quoted query strings and {@code gz_data}), keeps a
 * workspace in memory (users and roles, sites, servers and apps, volumes, folders, homes,
 * collections, ACLs, queues, transfers with tasks, deliveries, settings), evaluates the query
 * language, and really copies files between local directories that stand for sites and users'
 * machines. {@link io.pipelinekit.testkit.accsyn.Faults} injects latency, throttling, 5xx and
 * dropped connections; {@link io.pipelinekit.testkit.accsyn.FakeState} and {@link
 * io.pipelinekit.testkit.accsyn.RecordedCall} expose what happened.
 *
 * <pre>{@code
 * try (FakeAccsyn fake = FakeAccsyn.builder().site("hq").site("la").employee("anna@studio.com").build()) {
 *   Credentials anna = fake.credentials("anna@studio.com");
 *   // run the code under test against anna.baseUrl(), then assert on fake.state() and the files
 * }
 * }</pre>
 *
 * <p>See {@code docs/testing.md} for the user guide and the standalone mode.
 */
package io.pipelinekit.testkit.accsyn;
