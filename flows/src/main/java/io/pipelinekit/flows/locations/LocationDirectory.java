package io.pipelinekit.flows.locations;

import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Query;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.ftrack.model.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tells which ftrack location is which accsyn party. The convention of accsyn's own ftrack scripts,
 * made explicit and checked:
 *
 * <ul>
 *   <li>a location named like an accsyn site code is that site ({@code hq}, {@code la});
 *   <li>a location named by an e-mail is that user's machine (employees and vendors); if users are
 *       listed, only those;
 *   <li>locations named as the workspace are the workspace (main site);
 *   <li>explicit mappings win over all of that.
 * </ul>
 *
 * <pre>{@code
 * LocationDirectory dir = LocationDirectory.builder()
 *     .site("hq").site("la")
 *     .workspace("studio.central")
 *     .map("london-office", Party.site("lon"))
 *     .knownLocations(session)              // ftrack's location names, for error messages
 *     .build();
 * dir.party("hq");                 // site=hq
 * dir.party("anna@vendor.com");    // anna@vendor.com
 * dir.party("tokyo");              // UnknownLocationException listing the known locations
 * }</pre>
 *
 * <p>Names match exactly first, then ignoring case; two entries that match a name only ignoring
 * case make it ambiguous. Built-in {@code ftrack.*} locations are never parties. Immutable and
 * thread-safe.
 */
public final class LocationDirectory {
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s:/\\\\]+@[^@\\s:/\\\\]+\\.[^@\\s:/\\\\]+");

  private final Map<String, Party> explicit;
  private final Set<String> sites;
  private final Set<String> users;
  private final boolean emailsAreUsers;
  private final Set<String> known;

  private LocationDirectory(Builder b) {
    this.explicit = Map.copyOf(b.explicit);
    this.sites = Set.copyOf(b.sites);
    this.users = Set.copyOf(b.users);
    this.emailsAreUsers = b.emailsAreUsers;
    this.known = Set.copyOf(b.known);
  }

  static boolean isEmail(String s) {
    return EMAIL.matcher(s).matches();
  }

  /**
   * A builder with no sites, users or workspace, where e-mail names are users.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The party a location stands for.
   *
   * @param location a location with its name loaded
   * @return the party
   * @throws UnknownLocationException if the name is unknown or ambiguous
   */
  public Party party(Location location) {
    return party(
        location
            .name()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the location's name was not loaded: " + location)));
  }

  /**
   * The party a location name stands for.
   *
   * @param locationName the ftrack location name
   * @return the party
   * @throws UnknownLocationException if the name is unknown or ambiguous
   */
  public Party party(String locationName) {
    Objects.requireNonNull(locationName, "locationName == null");
    String name = locationName.strip();
    if (name.startsWith("ftrack.")) {
      throw new UnknownLocationException(
          "'" + name + "' is a built-in ftrack location, not an accsyn party", knownLocations());
    }
    // Exact names first: explicit mappings, then site codes, then listed users.
    if (explicit.containsKey(name)) {
      return explicit.get(name);
    }
    Map<String, Party> candidates = new LinkedHashMap<>();
    explicit.forEach((k, v) -> candidates.put("mapping " + k, v));
    for (String s : sites) {
      candidates.put("site " + s, Party.site(s));
    }
    for (String u : users) {
      candidates.put("user " + u, Party.user(u));
    }
    List<String> exact = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    for (String key : candidates.keySet()) {
      String n = key.substring(key.indexOf(' ') + 1);
      if (n.equals(name)) {
        exact.add(key);
      } else if (n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        folded.add(key);
      }
    }
    List<String> matches = exact.isEmpty() ? folded : exact;
    Set<Party> parties = new LinkedHashSet<>();
    matches.forEach(k -> parties.add(candidates.get(k)));
    if (parties.size() > 1) {
      throw new UnknownLocationException(
          "location '" + name + "' is ambiguous: it matches " + String.join(" and ", matches),
          knownLocations());
    }
    if (parties.size() == 1) {
      return parties.iterator().next();
    }
    if (isEmail(name)) {
      if (emailsAreUsers && users.isEmpty()) {
        return Party.user(name);
      }
      throw new UnknownLocationException(
          "location '" + name + "' is named like a user, but no such user is configured",
          knownLocations());
    }
    throw new UnknownLocationException(
        "location '"
            + name
            + "' is not an accsyn site, user or workspace; name it like a site code or an e-mail,"
            + " or map it with LocationDirectory.builder().map(\""
            + name
            + "\", Party.site(...))",
        knownLocations());
  }

  /**
   * Every name the directory knows: mappings, sites, users and the ftrack locations given to the
   * builder (built-ins excluded).
   *
   * @return the names, sorted
   */
  public List<String> knownLocations() {
    Set<String> all = new TreeSet<>();
    all.addAll(explicit.keySet());
    all.addAll(sites);
    all.addAll(users);
    for (String k : known) {
      if (!k.startsWith("ftrack.")) {
        all.add(k);
      }
    }
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return "LocationDirectory" + knownLocations();
  }

  /** Builds a {@link LocationDirectory}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Party> explicit = new LinkedHashMap<>();
    private final Set<String> sites = new LinkedHashSet<>();
    private final Set<String> users = new LinkedHashSet<>();
    private final Set<String> known = new LinkedHashSet<>();
    private boolean emailsAreUsers = true;

    private Builder() {}

    /**
     * An accsyn site; the location of the same name stands for it.
     *
     * @param code the site code
     * @return this builder
     */
    public Builder site(String code) {
      sites.add(Party.site(code).value().orElseThrow());
      return this;
    }

    /**
     * A user whose location is named by their e-mail. Once any user is listed, only listed users
     * are accepted.
     *
     * @param email the e-mail
     * @return this builder
     */
    public Builder user(String email) {
      users.add(Party.user(email).value().orElseThrow());
      return this;
    }

    /**
     * A location that stands for the workspace (main site).
     *
     * @param locationName the location name
     * @return this builder
     */
    public Builder workspace(String locationName) {
      return map(locationName, Party.workspace());
    }

    /**
     * An explicit mapping, winning over the naming rules.
     *
     * @param locationName the location name
     * @param party its party
     * @return this builder
     */
    public Builder map(String locationName, Party party) {
      Objects.requireNonNull(locationName, "locationName == null");
      explicit.put(locationName.strip(), Objects.requireNonNull(party, "party == null"));
      return this;
    }

    /**
     * Whether unlisted e-mail names are users (default true, until a user is listed).
     *
     * @param flag the flag
     * @return this builder
     */
    public Builder emailsAreUsers(boolean flag) {
      this.emailsAreUsers = flag;
      return this;
    }

    /**
     * Location names to list in error messages.
     *
     * @param names ftrack location names
     * @return this builder
     */
    public Builder knownLocations(Collection<String> names) {
      known.addAll(names);
      return this;
    }

    /**
     * Reads ftrack's location names (one request), to list in error messages.
     *
     * @param session the session
     * @return this builder
     */
    public Builder knownLocations(FtrackSession session) {
      for (Entity e : session.query(Query.select("name").from("Location")).all()) {
        e.string("name").ifPresent(known::add);
      }
      return this;
    }

    /**
     * Builds the directory.
     *
     * @return the directory
     */
    public LocationDirectory build() {
      return new LocationDirectory(this);
    }
  }
}
