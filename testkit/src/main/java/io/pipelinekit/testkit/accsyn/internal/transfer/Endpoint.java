package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.state.Entity;

/**
 * A resolved transfer party.
 *
 * @param ref the job-level reference ({@code workspace:<id>}, {@code site:<id>}, {@code user:<id>})
 * @param site the site for server parties, else null
 * @param client the server or app
 * @param user the user for user parties, else null
 */
record Endpoint(String ref, Entity site, Entity client, Entity user) {
  boolean isUser() {
    return user != null;
  }
}
