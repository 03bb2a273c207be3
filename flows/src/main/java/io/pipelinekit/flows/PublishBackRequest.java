package io.pipelinekit.flows;

import io.pipelinekit.core.internal.ValueStyle;
import io.pipelinekit.ftrack.EntityRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a remote employee or vendor publishes back: a new version of an asset on an ftrack context,
 * with files under their local mirror of the studio volume ({@code ACCSYN_<VOLUME>_PATH}).
 *
 * <pre>{@code
 * PublishBackRequest r = PublishBackRequest.builder()
 *     .context(EntityRef.of("Shot", shotId)).asset("comp", "comp").comment("v2 from the vendor")
 *     .remoteLocation("vic@vendor.com").to("hq")
 *     .localRoot(Path.of(System.getenv("ACCSYN_PROJECTS_PATH")))
 *     .file("review", "demo/upload/sh020/comp_v002.mov")
 *     .file("main", "demo/upload/sh020/comp_v002/comp.%04d.exr")   // frames found on disk
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class PublishBackRequest implements TransferWait {
  /**
   * One component: its name and its path below the local root (a {@code %0Nd} pattern for a
   * sequence).
   *
   * @param name the component name
   * @param path the path relative to the local root, with {@code /}
   */
  public record File(String name, String path) {
    /** Checks the parts and turns {@code \} into {@code /}. */
    public File {
      Objects.requireNonNull(name, "name == null");
      path = Objects.requireNonNull(path, "path == null").replace('\\', '/');
    }
  }

  PublishBackRequest() {}

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ftrack context (shot, task...) the version is published on.
   *
   * @return the context
   */
  public abstract EntityRef context();

  /**
   * The asset's name.
   *
   * @return e.g. {@code comp}
   */
  public abstract String assetName();

  /**
   * The asset type's short name.
   *
   * @return e.g. {@code comp}
   */
  public abstract String assetType();

  /**
   * The version's comment.
   *
   * @return the comment, if any
   */
  public abstract Optional<String> comment();

  /**
   * The remote user's ftrack location (named by their e-mail).
   *
   * @return its name
   */
  public abstract String remoteLocation();

  /**
   * The studio location the files go to.
   *
   * @return its name, e.g. {@code hq}
   */
  public abstract String to();

  /**
   * The local root of the mirrored volume.
   *
   * @return the root
   */
  public abstract Path localRoot();

  /**
   * The components.
   *
   * @return the files
   */
  public abstract List<File> files();

  /** Checks the files and the timeout. */
  @Value.Check
  protected void check() {
    if (remoteLocation().isBlank() || to().isBlank()) {
      throw FlowException.badInput(
          "give your location and the studio location: remoteLocation(\"vic@vendor.com\")"
              + ".to(\"hq\")");
    }
    if (files().isEmpty()) {
      throw FlowException.badInput(
          "give at least one file: file(\"main\", \"demo/upload/sh020/comp.%04d.exr\")");
    }
    for (File f : files()) {
      if (f.path().startsWith("/") || f.path().contains("..") || f.path().contains(":")) {
        throw FlowException.badInput(
            "file '" + f.path() + "' must be relative to the local root " + localRoot());
      }
    }
    TransferWait.check(this);
  }

  /** Builds a {@link PublishBackRequest}; not thread-safe. */
  public static final class Builder extends ImmutablePublishBackRequest.Builder {
    /**
     * The asset.
     *
     * @param name its name, e.g. {@code comp}
     * @param type its type's short name, e.g. {@code comp}
     * @return this
     */
    public Builder asset(String name, String type) {
      assetName(name);
      assetType(type);
      return this;
    }

    /**
     * Adds a component.
     *
     * @param name the component name
     * @param relativePath its path below the local root ({@code %04d} for a sequence)
     * @return this
     */
    public Builder file(String name, String relativePath) {
      addFile(new File(name, relativePath));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws FlowException if something is missing or a path is not relative
     */
    @Override
    public PublishBackRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw FlowException.badInput(
            "a publish-back needs the context, the asset, both locations and the local root:"
                + " context(EntityRef.of(\"Shot\", id)).asset(\"comp\", \"comp\")"
                + ".remoteLocation(email).to(\"hq\").localRoot(mirror); "
                + e.getMessage(),
            e);
      }
    }
  }
}
