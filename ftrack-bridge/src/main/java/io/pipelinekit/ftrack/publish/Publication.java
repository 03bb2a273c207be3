package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.EntityRef;
import java.util.Map;

/**
 * What {@link Publisher#publish} created.
 *
 * <pre>{@code
 * Publication p = publisher.publish(request);
 * p.versionNumber();            // 3
 * p.component("main");          // the SequenceComponent
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Publication {
  private final EntityRef asset;
  private final boolean assetCreated;
  private final EntityRef version;
  private final long versionNumber;
  private final Map<String, EntityRef> components;

  Publication(
      EntityRef asset,
      boolean assetCreated,
      EntityRef version,
      long versionNumber,
      Map<String, EntityRef> components) {
    this.asset = asset;
    this.assetCreated = assetCreated;
    this.version = version;
    this.versionNumber = versionNumber;
    this.components = Map.copyOf(components);
  }

  /**
   * The asset.
   *
   * @return the asset
   */
  public EntityRef asset() {
    return asset;
  }

  /**
   * Whether the asset was created by this publish.
   *
   * @return false if it existed
   */
  public boolean assetCreated() {
    return assetCreated;
  }

  /**
   * The new version.
   *
   * @return the AssetVersion
   */
  public EntityRef version() {
    return version;
  }

  /**
   * The number the server gave the new version (one more than the asset's highest).
   *
   * @return the number
   */
  public long versionNumber() {
    return versionNumber;
  }

  /**
   * The created components by name (sequence members are not listed).
   *
   * @return the components
   */
  public Map<String, EntityRef> components() {
    return components;
  }

  /**
   * One created component.
   *
   * @param name the component name
   * @return the component
   * @throws IllegalArgumentException if no component of that name was published
   */
  public EntityRef component(String name) {
    EntityRef c = components.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "no component named '" + name + "' was published; published: " + components.keySet());
    }
    return c;
  }

  @Override
  public String toString() {
    return "Publication{" + version + " v" + versionNumber + ", " + components.keySet() + "}";
  }
}
