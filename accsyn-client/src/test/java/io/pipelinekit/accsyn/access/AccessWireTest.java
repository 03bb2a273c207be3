package io.pipelinekit.accsyn.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.typed.Wire;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** grant / access / revoke, with code resolution as accsyn's client does it. */
class AccessWireTest {
  static final String UID = "5f0c1a2b3c4d5e6f7a8b9c11";
  static final String SID = "5f0c1a2b3c4d5e6f7a8b9c12";

  final Wire wire = new Wire();
  final Access access = Access.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void grantResolvesCodesThenCreatesTheAcl() {
    wire.ok("[{\"id\": \"" + SID + "\"}]"); // folder/find code='theproject'
    wire.ok("[{\"id\": \"" + UID + "\"}]"); // user/find code='vic@vendor.com'
    wire.ok(
        "[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c13\", \"entity\": \"user:"
            + UID
            + "\", \"entity_hr\":"
            + " \"vic@vendor.com\", \"target\": \"share:"
            + SID
            + "\", \"target_hr\":"
            + " \"theproject\", \"path\": \"/\", \"read\": true, \"write\": false,"
            + " \"acknowledged\": false, \"token\": \"t\"}]");
    AccessEntry e =
        access
            .grant(
                Grant.builder()
                    .user("Vic@Vendor.com")
                    .share(ShareType.FOLDER, "theproject")
                    .message("plates are up")
                    .build())
            .orElseThrow();
    assertThat(e.user()).isEqualTo(UID);
    assertThat(e.share()).isEqualTo(SID);
    assertThat(e.userHr()).contains("vic@vendor.com");
    assertThat(e.read()).isTrue();
    assertThat(e.write()).isFalse();
    assertThat(e.extra()).containsKey("token");

    Wire.Event findShare = wire.next();
    assertThat(findShare.method()).isEqualTo("GET");
    assertThat(findShare.uri()).isEqualTo("folder/find");
    assertThat(findShare.query()).contains("code='theproject'");
    assertThat(findShare.data().isNull()).isTrue();
    wire.next().withQuery("code='vic@vendor.com'");
    wire.next()
        .is(
            "POST",
            "acl/create",
            "{\"entity\": \"user:"
                + UID
                + "\", \"target\": \"share:"
                + SID
                + "\", \"read\": true,"
                + " \"write\": false, \"notify\": true, \"message\": \"plates are up\","
                + " \"path\": \"/\"}");
  }

  @Test
  void grantToANewUserSendsTheEmailSoAccsynInvitesThem() {
    wire.ok("[]"); // no such user (share given by id: no lookup)
    wire.ok("true"); // an existing ACL was updated: accsyn only confirms
    assertThat(
            access.grant(
                Grant.builder()
                    .user("new@vendor.com")
                    .share(ShareType.FOLDER, SID)
                    .write(true)
                    .path("upload/new")
                    .notifyUser(false)
                    .build()))
        .isEmpty();
    wire.next().is("GET", "user/find", "null");
    wire.next()
        .is(
            "POST",
            "acl/create",
            "{\"entity\": \"user:new@vendor.com\", \"target\": \"share:"
                + SID
                + "\","
                + " \"read\": true, \"write\": true, \"notify\": false, \"message\": \"\","
                + " \"path\": \"upload/new\"}");
  }

  @Test
  void grantWithoutInviteRefusesUnknownUsers() {
    wire.ok("[]");
    assertThatThrownBy(
            () ->
                access.grant(
                    Grant.builder()
                        .user("ghost@x.com")
                        .share(ShareType.VOLUME, SID)
                        .invite(false)
                        .build()))
        .isInstanceOf(AccsynException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void listSendsTheAclWherePrefixLikeAccsynsClient() {
    wire.ok(
        "[{\"entity\": \"user:"
            + UID
            + "\", \"target\": \"share:"
            + SID
            + "\", \"path\":"
            + " \"upload\", \"read\": true, \"write\": true}]");
    List<AccessEntry> list = access.list(ShareType.FOLDER, SID, true);
    assertThat(list).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("upload"));
    wire.next()
        .is("GET", "acl/find", "{\"recursive\": true}")
        .withQuery("acl WHERE target=share:" + SID);
  }

  @Test
  void revokeFindsTheAclAndDeletesIt() {
    wire.ok("[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c13\"}]").ok("true");
    access.revoke(UID, ShareType.FOLDER, SID);
    wire.next()
        .is("GET", "acl/find", "{}")
        .withQuery("acl WHERE entity=user:" + UID + " AND target=share:" + SID);
    wire.next().is("DELETE", "acl/delete", "{}").withId("5f0c1a2b3c4d5e6f7a8b9c13");
  }

  @Test
  void revokingAccessThatDoesNotExistIsAnError() {
    wire.ok("[]");
    assertThatThrownBy(() -> access.revoke(UID, ShareType.HOME, SID))
        .hasMessageContaining("has no access");
  }

  @Test
  void grantNeedsSomeAccess() {
    assertThatThrownBy(
            () -> Grant.builder().user("a@b.c").share(ShareType.FOLDER, "x").read(false).build())
        .hasMessageContaining("use revoke");
  }
}
