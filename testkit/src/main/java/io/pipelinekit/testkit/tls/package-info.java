/**
 * Self-signed certificates for testing TLS failures and a studio CA against a local server: see
 * {@link io.pipelinekit.testkit.tls.TestCertificates}.
 */
package io.pipelinekit.testkit.tls;
