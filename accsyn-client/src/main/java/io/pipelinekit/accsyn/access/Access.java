package io.pipelinekit.accsyn.access;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Calls;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may read and write which share (see docs/protocol/accsyn-v3.md, "Access"): grant, list and
 * revoke ACLs. Codes and e-mails are resolved to ids first, as accsyn's own client does. For
 * delivery recipients see {@code client.deliveries()}. Thread-safe; obtain it from {@code
 * client.access()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * client.access().grant(Grant.builder().user("vic@vendor.com")
 *     .share(ShareType.FOLDER, "theproject").read(true).build());
 * client.access().revoke("vic@vendor.com", ShareType.FOLDER, "theproject");
 * }</pre>
 */
public final class Access {
  private final AccsynClient client;

  private Access(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The access API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Access of(AccsynClient client) {
    return new Access(client);
  }

  /**
   * Grants access ({@code POST acl/create}). A user who does not exist yet is invited by e-mail
   * unless the grant says otherwise.
   *
   * @param grant the grant
   * @return the ACL as accsyn returns it, or empty when accsyn only confirms (an existing ACL was
   *     updated)
   */
  public Optional<AccessEntry> grant(Grant grant) {
    Objects.requireNonNull(grant, "grant == null");
    String share = resolve(grant.shareType().entityType(), grant.share());
    Optional<String> user = tryResolve("user", grant.user());
    if (user.isEmpty() && !grant.invite()) {
      throw new AccsynException(
          "user " + grant.user() + " does not exist; invite them, or allow invite in the Grant");
    }
    Map<String, Object> data =
        Calls.data(
            "entity", "user:" + user.orElse(grant.user().toLowerCase(Locale.ROOT)),
            "target", "share:" + share,
            "read", grant.read(),
            "write", grant.write(),
            "notify", grant.notifyUser(),
            "message", grant.message().orElse(""),
            "path", grant.path());
    if (!grant.invite()) {
      data.put("invite", false);
    }
    Json result = Calls.result(client, HttpMethod.POST, "acl/create", data, null, null);
    List<Json> list = Calls.list(result);
    if (!list.isEmpty() && list.get(0).isObject()) {
      return Optional.of(AccessEntry.fromJson(list.get(0)));
    }
    return Optional.empty();
  }

  /**
   * Everyone with access to a share ({@code GET acl/find}, query {@code acl WHERE
   * target=share:<id>}).
   *
   * @param type the kind of share
   * @param share the share, by code or id
   * @return the entries
   */
  public List<AccessEntry> list(ShareType type, String share) {
    return list(type, share, false);
  }

  /**
   * Everyone with access to a share, optionally including access to its sub-paths.
   *
   * @param type the kind of share
   * @param share the share, by code or id
   * @param recursive also list ACLs on sub-paths
   * @return the entries
   */
  public List<AccessEntry> list(ShareType type, String share, boolean recursive) {
    String id = resolve(type.entityType(), share);
    Json result =
        Calls.result(
            client,
            HttpMethod.GET,
            "acl/find",
            Map.of("recursive", recursive),
            "acl WHERE target=share:" + id,
            null);
    return Calls.list(result).stream().map(AccessEntry::fromJson).toList();
  }

  /**
   * Removes a user's access to a share: finds the ACL, then {@code DELETE acl/delete}.
   *
   * @param user the user, by e-mail or id
   * @param type the kind of share
   * @param share the share, by code or id
   * @throws AccsynException if the user has no access to revoke
   */
  public void revoke(String user, ShareType type, String share) {
    String uid = resolve("user", user);
    String sid = resolve(type.entityType(), share);
    Json found =
        Calls.result(
            client,
            HttpMethod.GET,
            "acl/find",
            Map.of(),
            "acl WHERE entity=user:" + uid + " AND target=share:" + sid,
            null);
    List<Json> acls = Calls.list(found);
    if (acls.isEmpty()) {
      throw new AccsynException(
          "user " + user + " has no access to " + type.entityType() + " " + share + " to revoke");
    }
    for (Json acl : acls) {
      String aclId =
          acl.string("id")
              .orElseThrow(() -> new AccsynException("accsyn sent an ACL without an id"));
      Calls.result(client, HttpMethod.DELETE, "acl/delete", Map.of(), null, aclId);
    }
  }

  /**
   * Resolves a code or e-mail to an id ({@code GET <type>/find query="code='<value>'"}).
   *
   * @param type the entity type
   * @param codeOrId the code, e-mail or id
   * @return the id
   * @throws AccsynException if nothing has that code
   */
  String resolve(String type, String codeOrId) {
    return tryResolve(type, codeOrId)
        .orElseThrow(() -> new AccsynException(type + " '" + codeOrId + "' not found"));
  }

  private Optional<String> tryResolve(String type, String codeOrId) {
    Objects.requireNonNull(codeOrId, type + " == null");
    String v = codeOrId.strip().toLowerCase(Locale.ROOT);
    if (Calls.isId(v)) {
      return Optional.of(v);
    }
    Json result =
        Calls.result(client, HttpMethod.GET, type + "/find", null, "code='" + v + "'", null);
    return Calls.list(result).stream().findFirst().flatMap(j -> j.string("id"));
  }
}
