package io.pipelinekit.accsyn.sites;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Condition;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.internal.typed.Calls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sites, and the machines running accsyn (servers, apps, user servers, lanes): list, find, create
 * sites; list hosts; check whether the app or daemon runs here; assign servers to volumes.
 * Thread-safe; obtain it from {@code client.sites()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Site la = client.sites().create("la", "Los Angeles");
 * boolean up = client.sites().isDaemonRunning().orElse(false);
 * client.sites().assignServer(volumeId, serverId);
 * }</pre>
 */
public final class Sites {
  private static final Pattern PLAIN_HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private final AccsynClient client;

  private Sites(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The sites API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Sites of(AccsynClient client) {
    return new Sites(client);
  }

  /**
   * Every site.
   *
   * @return the sites
   */
  public List<Site> list() {
    return client.find(Query.of("site")).stream().map(Site::fromJson).toList();
  }

  /**
   * A site by code or id.
   *
   * @param codeOrId the code or id
   * @return the site, or empty
   */
  public Optional<Site> find(String codeOrId) {
    Objects.requireNonNull(codeOrId, "codeOrId == null");
    if (Calls.isId(codeOrId)) {
      return client.get("site", codeOrId).map(Site::fromJson);
    }
    return client
        .findOne(Query.of("site").where("code", Operator.EQ, codeOrId))
        .map(Site::fromJson);
  }

  /**
   * Creates a site (admin).
   *
   * @param code the unique code, used in {@code site=<code>}
   * @param name the display name
   * @return the site
   */
  public Site create(String code, String name) {
    List<Json> created = client.create("site", Calls.data("code", code, "name", name));
    if (created.isEmpty()) {
      throw new AccsynException("accsyn created the site but returned nothing");
    }
    return Site.fromJson(created.get(0));
  }

  /**
   * Every host of every kind.
   *
   * @return the hosts
   */
  public List<Host> hosts() {
    return client.find(Query.of("client")).stream().map(Host::fromJson).toList();
  }

  /**
   * Hosts of one kind ({@code Client WHERE type=<n>}).
   *
   * @param type the kind
   * @return the hosts
   */
  public List<Host> hosts(ClientType type) {
    if (type == ClientType.UNKNOWN) {
      throw new IllegalArgumentException("cannot list hosts of an unknown type");
    }
    return client.find(Query.of("client").where("type", Operator.EQ, type.code())).stream()
        .map(Host::fromJson)
        .toList();
  }

  /**
   * Servers ({@code type=1}).
   *
   * @return the servers
   */
  public List<Host> servers() {
    return hosts(ClientType.SERVER);
  }

  /**
   * Desktop apps ({@code type=0}).
   *
   * @return the apps
   */
  public List<Host> apps() {
    return hosts(ClientType.APP);
  }

  /**
   * Compute lanes ({@code type=4}).
   *
   * @return the lanes
   */
  public List<Host> lanes() {
    return hosts(ClientType.LANE);
  }

  /**
   * Hosts at one site.
   *
   * @param siteCodeOrId the site
   * @return the hosts
   */
  public List<Host> hostsAt(String siteCodeOrId) {
    return client.find(Query.of("client").where("site", Operator.EQ, siteCodeOrId)).stream()
        .map(Host::fromJson)
        .toList();
  }

  /**
   * Whether the API user's desktop app runs on this machine (as {@code app_is_running}).
   *
   * @return true if running, false if registered but not running, empty if no app of this user is
   *     registered on this host
   */
  public Optional<Boolean> isAppRunning() {
    return isAppRunning(localHostname());
  }

  /**
   * Whether the API user's desktop app runs on a given host.
   *
   * @param hostname the host name accsyn knows the app by
   * @return true, false, or empty if none is registered there
   */
  public Optional<Boolean> isAppRunning(String hostname) {
    return running(hostname, "type=" + ClientType.APP.code());
  }

  /**
   * Whether the API user's server or user server runs on this machine (as {@code
   * daemon_is_running}).
   *
   * @return true, false, or empty if none is registered on this host
   */
  public Optional<Boolean> isDaemonRunning() {
    return isDaemonRunning(localHostname());
  }

  /**
   * Whether the API user's server or user server runs on a given host.
   *
   * @param hostname the host name
   * @return true, false, or empty if none is registered there
   */
  public Optional<Boolean> isDaemonRunning(String hostname) {
    return running(
        hostname,
        "(type=" + ClientType.SERVER.code() + " OR type=" + ClientType.USER_SERVER.code() + ")");
  }

  /**
   * The official client's own text, {@code user=<id> AND code=<host> AND <type>}, unquoted and in
   * the host's case; a host name that could change the query's meaning unquoted is quoted instead.
   */
  private Optional<Boolean> running(String hostname, String typeCondition) {
    Objects.requireNonNull(hostname, "hostname == null");
    String code =
        PLAIN_HOST.matcher(hostname).matches()
            ? "code=" + hostname
            : Condition.of("code", Operator.EQ, hostname).text();
    return running(
        Query.of("client")
            .where(
                Condition.raw(
                    "user=" + client.userId() + " AND " + code + " AND " + typeCondition)));
  }

  private Optional<Boolean> running(Query q) {
    List<Host> found = client.find(q).stream().map(Host::fromJson).toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(found.stream().anyMatch(h -> h.status().isRunning()));
  }

  /**
   * Servers serving a volume ({@code GET volume/servers id=<volume>}).
   *
   * @param volumeId the volume id
   * @return the servers
   */
  public List<Host> serversOf(String volumeId) {
    Json r = Calls.result(client, HttpMethod.GET, "volume/servers", Map.of(), null, volumeId);
    return Calls.list(r).stream().filter(Json::isObject).map(Host::fromJson).toList();
  }

  /**
   * Lets a server serve a volume ({@code PUT share/server id=<volume>}, data {@code {"client":
   * <server>}}; the uri is {@code share/server} even for volumes).
   *
   * @param volumeId the volume id
   * @param serverId the server id
   */
  public void assignServer(String volumeId, String serverId) {
    Calls.result(
        client, HttpMethod.PUT, "share/server", Map.of("client", serverId), null, volumeId);
  }

  /**
   * Stops a server from serving a volume ({@code DELETE volume/server id=<volume>}).
   *
   * @param volumeId the volume id
   * @param serverId the server id
   */
  public void unassignServer(String volumeId, String serverId) {
    Calls.result(
        client, HttpMethod.DELETE, "volume/server", Map.of("client", serverId), null, volumeId);
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new AccsynException(
          "cannot tell this machine's host name; pass it: isAppRunning(hostname)", e);
    }
  }
}
