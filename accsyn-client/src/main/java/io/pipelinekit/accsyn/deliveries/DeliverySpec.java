package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.party.AccsynPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A delivery or an upload request to create.
 *
 * <ul>
 *   <li>Delivery of existing files: files and recipients; submitted at once.
 *   <li>Temporary delivery: no files; upload into it, add recipients, then submit.
 *   <li>Upload request ({@link #request()}): recipients upload to you, into a temp folder or {@link
 *       #destination()}.
 * </ul>
 *
 * <pre>{@code
 * DeliverySpec.builder().name("plates sh010").addFile(AccsynPath.share("proj", "plates"))
 *     .addRecipient("vic@vendor.com").build();
 * // Two versions' same-named frames in one package, each in its own folder of the download:
 * DeliverySpec.builder().name("dailies")
 *     .addFile(AccsynPath.share("proj", "sh010", "v001", "main.1001.exr"), "sh010_v001")
 *     .addFile(AccsynPath.share("proj", "sh020", "v001", "main.1001.exr"), "sh020_v001")
 *     .addRecipient("rita@client.com").build();
 * }</pre>
 */
@Value.Immutable
public interface DeliverySpec {
  /**
   * The name.
   *
   * @return the name
   */
  String name();

  /**
   * Existing files to deliver (accsyn paths, or paths relative to the default volume).
   *
   * @return the files
   */
  List<AccsynPath> files();

  /**
   * The folder of the package a file is placed in, relative to where the recipient downloads the
   * delivery ({@code sh010_comp_v001}, or {@code dailies/sh010}); a file without one lands at the
   * top. Sent as the file's {@code destination}, with a trailing slash ("inside this folder").
   *
   * @return folders by file
   */
  Map<AccsynPath, String> folders();

  /**
   * Free metadata stored on the delivery (accsyn passes it to hooks and returns it on find).
   *
   * @return the metadata
   */
  Map<String, Object> metadata();

  /**
   * Recipient e-mails.
   *
   * @return the recipients
   */
  List<String> recipients();

  /**
   * For a request: where uploads go instead of a temp folder.
   *
   * @return the destination
   */
  Optional<AccsynPath> destination();

  /**
   * Whether this is an upload request rather than a delivery.
   *
   * @return default false
   */
  @Value.Default
  default boolean request() {
    return false;
  }

  /**
   * Create in {@code init} and submit later (requests; deliveries without files start in init
   * anyway).
   *
   * @return default false
   */
  @Value.Default
  default boolean submitLater() {
    return false;
  }

  /** Checks the spec. */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("a delivery needs a name");
    }
    if (request() && !files().isEmpty()) {
      throw new IllegalArgumentException("an upload request has no files; recipients upload them");
    }
    if (!request() && destination().isPresent()) {
      throw new IllegalArgumentException("only upload requests have a destination");
    }
    for (Map.Entry<AccsynPath, String> f : folders().entrySet()) {
      if (!files().contains(f.getKey())) {
        throw new IllegalArgumentException(
            "folder '"
                + f.getValue()
                + "' is given for "
                + f.getKey()
                + ", which is not a file of"
                + " the delivery; add it with addFile(file, folder)");
      }
      checkFolder(f.getValue());
    }
    for (String r : recipients()) {
      if (r.strip().indexOf('@') <= 0) {
        throw new IllegalArgumentException("recipient '" + r + "' is not an e-mail address");
      }
    }
  }

  /**
   * The create payload.
   *
   * @return the data
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name());
    if (!files().isEmpty()) {
      List<Object> tasks = new java.util.ArrayList<>();
      for (AccsynPath f : files()) {
        String folder = folders().get(f);
        if (folder == null) {
          tasks.add(f.toString());
        } else {
          Map<String, Object> placed = new java.util.LinkedHashMap<>();
          placed.put("source", f.toString());
          placed.put("destination", folder.endsWith("/") ? folder : folder + "/");
          tasks.add(placed);
        }
      }
      m.put("tasks", tasks);
    }
    if (!recipients().isEmpty()) {
      m.put("recipients", recipients().stream().map(String::strip).distinct().toList());
    }
    destination().ifPresent(d -> m.put("destination", d.toString()));
    if (submitLater()) {
      m.put("status", "init");
    }
    if (!metadata().isEmpty()) {
      m.put("metadata", metadata());
    }
    return m;
  }

  /** A folder of the package: relative, forward slashes, never leaving the download folder. */
  private static void checkFolder(String folder) {
    boolean climbs = false;
    for (String part : folder.split("/")) {
      climbs |= part.equals("..") || part.equals(".");
    }
    if (folder.isBlank()
        || folder.startsWith("/")
        || folder.contains("\\")
        || folder.contains(":")
        || folder.contains("//")
        || climbs) {
      throw new IllegalArgumentException(
          "folder '"
              + folder
              + "' must be a relative path below the recipient's download folder, with '/'"
              + " between names and no '.', '..', ':' or '\\' (e.g. \"sh010_comp_v001\")");
    }
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeliverySpec}; not thread-safe. */
  final class Builder extends ImmutableDeliverySpec.Builder {
    /**
     * Adds a file placed in a folder of the package.
     *
     * @param file the file
     * @param folder its folder, relative to where the recipient downloads the delivery
     * @return this builder
     */
    public Builder addFile(AccsynPath file, String folder) {
      addFile(file);
      putFolder(file, folder);
      return this;
    }
  }
}
