package io.pipelinekit.accsyn.sites;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.typed.Wire;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sites, hosts, app/daemon checks, server assignment. */
class SitesWireTest {
  static final String VOL = "5f0c1a2b3c4d5e6f7a8b9c05";
  static final String SRV = "5f0c1a2b3c4d5e6f7a8b9c21";
  static final String SERVER =
      "{\"id\": \""
          + SRV
          + "\", \"code\": \"la-fs01\", \"type\": 1, \"type_hr\": \"server\","
          + " \"status\": \"online\", \"os\": \"linux\", \"roles\": \"storage, site\","
          + " \"site\": \"5f0c1a2b3c4d5e6f7a8b9c02\", \"site_hr\": \"la\","
          + " \"last_checkin\": \"2026-11-23T00:16:26+00:00\", \"wan_ip\": \"1.2.3.4\"}";

  final Wire wire = new Wire();
  final Sites sites = Sites.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void createsAndFindsSites() {
    wire.ok(
        "[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c02\", \"code\": \"la\", \"name\": \"LA\","
            + " \"main\": false, \"accsyn\": false}]");
    wire.ok("[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c02\", \"code\": \"la\"}]");
    wire.ok("[]");
    Site la = sites.create("la", "LA");
    assertThat(la.main()).isFalse();
    assertThat(sites.find("la")).map(Site::code).contains("la");
    assertThat(sites.list()).isEmpty();
    wire.next().is("POST", "site/create", "{\"code\": \"la\", \"name\": \"LA\"}");
    wire.next().is("GET", "site/find", "{\"single_entity_query\": true}").withQuery("code=\"la\"");
    wire.next().is("GET", "site/find", "{}");
  }

  @Test
  void listsServersWithSiteStatusAndRoles() {
    wire.ok("[" + SERVER + "]");
    Host s = sites.servers().get(0);
    wire.next().is("GET", "client/find", "{}").withQuery("type=1");
    assertThat(s.type()).isEqualTo(ClientType.SERVER);
    assertThat(s.status()).isEqualTo(ClientStatus.ONLINE);
    assertThat(s.roles()).containsExactly("storage", "site");
    assertThat(s.siteHr()).contains("la");
    assertThat(s.lastCheckin()).contains(Instant.parse("2026-11-23T00:16:26Z"));
    assertThat(s.extra()).containsKey("wan_ip").doesNotContainKey("type_hr");
  }

  @Test
  void appAndDaemonChecksQueryTheLoginUsersHostsOnThisHost() {
    wire.ok("[{\"id\": \"" + SRV + "\", \"type\": 0, \"status\": \"offline\"}]");
    wire.ok("[{\"id\": \"" + SRV + "\", \"type\": 2, \"status\": \"disabled\"}]");
    wire.ok("[]");
    assertThat(sites.isAppRunning("ws01")).contains(false);
    assertThat(sites.isDaemonRunning("ws01")).contains(true);
    assertThat(sites.isAppRunning("elsewhere")).isEmpty();
    wire.next()
        .is("GET", "client/find", "{}")
        .withQuery("user=" + Wire.USER_ID + " AND code=ws01 AND type=0");
    wire.next().withQuery("user=" + Wire.USER_ID + " AND code=ws01 AND (type=1 OR type=2)");
  }

  @Test
  void assignsAndUnassignsServersToVolumes() {
    wire.ok("true").ok("[" + SERVER + "]").ok("true");
    sites.assignServer(VOL, SRV);
    assertThat(sites.serversOf(VOL)).extracting(Host::id).containsExactly(SRV);
    sites.unassignServer(VOL, SRV);
    wire.next().is("PUT", "share/server", "{\"client\": \"" + SRV + "\"}").withId(VOL);
    wire.next().is("GET", "volume/servers", "{}").withId(VOL);
    wire.next().is("DELETE", "volume/server", "{\"client\": \"" + SRV + "\"}").withId(VOL);
  }
}
