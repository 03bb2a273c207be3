package io.pipelinekit.accsyn.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.typed.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users: find, list by role, invite, (de)activate. */
class UsersWireTest {
  static final String UID = "5f0c1a2b3c4d5e6f7a8b9c11";
  static final String VIC =
      "{\"id\": \""
          + UID
          + "\", \"code\": \"vic@vendor.com\", \"role\": \"client\","
          + " \"status\": \"enabled\", \"created\": \"2026-11-23T00:16:26\", \"phase\": \"joined\"}";

  final Wire wire = new Wire();
  final Users users = Users.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void findByEmailLooksAmongInactiveUsersToo() {
    wire.ok("[]").ok("[" + VIC.replace("enabled", "disabled") + "]");
    User u = users.findByEmail("vic@vendor.com").orElseThrow();
    assertThat(u.role()).isEqualTo(Role.STANDARD); // legacy "client"
    assertThat(u.enabled()).isFalse();
    assertThat(u.extra()).containsKey("phase");
    wire.next()
        .is("GET", "user/find", "{\"single_entity_query\": true}")
        .withQuery("code=\"vic@vendor.com\"");
    wire.next().is("GET", "user/find", "{\"inactive\": true, \"single_entity_query\": true}");
  }

  @Test
  void listByRole() {
    wire.ok("[" + VIC + "]");
    assertThat(users.list(Role.STANDARD)).hasSize(1);
    wire.next().is("GET", "user/find", "{}").withQuery("role=\"standard\"");
    assertThatThrownBy(() -> users.list(Role.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invitesEmployeesAndRestrictedUsers() {
    wire.ok("[" + VIC.replace("client", "employee") + "]").ok("[" + VIC + "]").ok("[" + VIC + "]");
    assertThat(users.inviteEmployee("anna@studio.com").role()).isEqualTo(Role.EMPLOYEE);
    users.inviteStandard("vic@vendor.com");
    users.invite(
        Invitation.builder()
            .email("vic@vendor.com")
            .role(Role.STANDARD)
            .createHomeShare(true)
            .giveDefaultVolumeAccess(false)
            .message("welcome")
            .sendMail(false)
            .build());
    wire.next()
        .is("POST", "user/create", "{\"code\": \"anna@studio.com\", \"role\": \"employee\"}");
    wire.next().is("POST", "user/create", "{\"code\": \"vic@vendor.com\", \"role\": \"standard\"}");
    wire.next()
        .is(
            "POST",
            "user/create",
            "{\"code\": \"vic@vendor.com\", \"role\": \"standard\", \"create_home_share\": true,"
                + " \"give_default_volume_access\": false, \"message\": \"welcome\","
                + " \"mail\": false}");
    assertThatThrownBy(() -> Invitation.builder().email("nope").build())
        .hasMessageContaining("not an e-mail");
  }

  @Test
  void deactivatesAndActivates() {
    wire.ok("true").ok("true");
    users.deactivate(UID);
    users.activate("vic@vendor.com");
    wire.next().is("DELETE", "user/deactivate", "{}").withId(UID);
    wire.next().is("POST", "user/activate", "{}").withQuery("vic@vendor.com");
  }
}
