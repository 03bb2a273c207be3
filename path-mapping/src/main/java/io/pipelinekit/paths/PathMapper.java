package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.DotSegments;
import io.pipelinekit.paths.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps paths between operating systems, sites and accsyn share notation through a {@link
 * RootTable}. Immutable and thread-safe: build one per table and share it.
 *
 * <p>Every mapping goes through the canonical share form: OS path → {@code share=code/rest} → OS
 * path of any platform at any site. So a round trip is the identity by construction. Roots match by
 * whole components and the deepest root wins whatever the table order; {@code ..} can never climb
 * out of a root; names Windows cannot hold are rejected on Windows targets; the remainder of a path
 * keeps its case, its bytes and its trailing separator. Nothing touches the file system.
 *
 * <pre>{@code
 * PathMapper mapper = PathMapper.of(table);
 * mapper.toOs("/storage/shots/a.exr", Target.of(Platform.WINDOWS)).orElseThrow();
 *     // S:\shots\a.exr
 * mapper.toShare("S:\\shots\\a.exr").orElseThrow();
 *     // share=storage/shots/a.exr
 * mapper.toOs("share=storage/a.exr", Target.of(Platform.LINUX, "london")).orElseThrow();
 *     // /mnt/lon/storage/a.exr
 * }</pre>
 */
public final class PathMapper {
  private static final String SHARE_NOTATION = "share notation";
  private static final String POSIX_PATH = "a POSIX path";

  private final RootTable table;
  private final MappingOptions options;

  private PathMapper(RootTable table, MappingOptions options) {
    this.table = Objects.requireNonNull(table, "table == null");
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /**
   * A mapper with the default options.
   *
   * @param table the root table
   * @return the mapper
   */
  public static PathMapper of(RootTable table) {
    return new PathMapper(table, MappingOptions.defaults());
  }

  /**
   * A mapper with given options.
   *
   * @param table the root table
   * @param options the options
   * @return the mapper
   */
  public static PathMapper of(RootTable table, MappingOptions options) {
    return new PathMapper(table, options);
  }

  /**
   * The same table with other options.
   *
   * @param newOptions the options
   * @return a new mapper
   */
  public PathMapper withOptions(MappingOptions newOptions) {
    return new PathMapper(table, newOptions);
  }

  /**
   * The root table.
   *
   * @return the table
   */
  public RootTable table() {
    return table;
  }

  /**
   * The options.
   *
   * @return the options
   */
  public MappingOptions options() {
    return options;
  }

  // ------------------------------------------------------------------ to share notation

  /**
   * Maps an OS path (any flavour, detected) or share notation to canonical share notation, at the
   * main site.
   *
   * @param text the path
   * @return the share path, or why it could not be mapped
   */
  public MappingResult<SharePath> toShare(String text) {
    return toShare(text, Source.detect());
  }

  /**
   * Maps an OS path or share notation to canonical share notation.
   *
   * @param text the path
   * @param source how to read it and at which site
   * @return the share path, or why it could not be mapped
   */
  public MappingResult<SharePath> toShare(String text, Source source) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(source, "source == null");
    SharePath fast = FastPath.toShare(table, options, text, source);
    return fast != null ? MappingResult.success(fast, List.of()) : toShareGeneral(text, source);
  }

  /** The general path of {@link #toShare(String, Source)}, for any input. */
  MappingResult<SharePath> toShareGeneral(String text, Source source) {
    if (SharePath.isSharePath(text)) {
      MappingResult<SharePath> parsed = SharePath.tryParse(text);
      return parsed.isSuccess() ? canonical(parsed.orElseThrow(), text) : parsed;
    }
    MappingResult<OsPath> parsed = parse(text, source);
    if (!parsed.isSuccess()) {
      return MappingResult.failure(parsed.failure().get());
    }
    return toShare(parsed.orElseThrow(), source, text);
  }

  /**
   * Maps a parsed OS path to canonical share notation.
   *
   * @param path the path
   * @param source the platform restriction and site (its flavour is ignored)
   * @return the share path, or why it could not be mapped
   */
  public MappingResult<SharePath> toShare(OsPath path, Source source) {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(source, "source == null");
    return toShare(path, source, path.toString());
  }

  /**
   * Resolves share notation against the table: checks that the share exists and has the written
   * kind, resolves {@code (default)}, rewrites the code to its canonical spelling and the kind to
   * {@code share=} (or {@code volume=} with {@link MappingOptions#preferVolume()}), and removes
   * {@code .} and {@code ..}, rejecting any climb above the share.
   *
   * @param path the share path
   * @return the canonical share path, or why it is invalid
   */
  public MappingResult<SharePath> canonical(SharePath path) {
    Objects.requireNonNull(path, "path == null");
    return canonical(path, path.toString());
  }

  private MappingResult<SharePath> canonical(SharePath path, String input) {
    MappingResult<Share> share = resolveShare(path, input);
    if (!share.isSuccess()) {
      return MappingResult.failure(share.failure().get());
    }
    MappingResult<List<String>> rest = containedRemainder(path.components(), input);
    if (!rest.isSuccess()) {
      return MappingResult.failure(rest.failure().get());
    }
    Optional<MappingFailure> unstorable =
        NameRules.checkUtf8Names(rest.orElseThrow(), SHARE_NOTATION, input)
            .or(
                () ->
                    path.party()
                        .flatMap(p -> NameRules.checkUtf8(p, "the party", SHARE_NOTATION, input)));
    if (unstorable.isPresent()) {
      return MappingResult.failure(unstorable.get());
    }
    SharePath out =
        shareOutput(share.orElseThrow(), rest.orElseThrow(), path.hasTrailingSeparator());
    return MappingResult.success(path.party().map(out::withParty).orElse(out), List.of());
  }

  /**
   * The canonical hub of every mapping: a share and the components below it. Kept apart from {@link
   * SharePath} because a POSIX name may contain {@code \}, which share notation cannot carry but an
   * OS-to-OS mapping must.
   */
  private record Located(Share share, List<String> rest, boolean trailing, List<String> warnings) {}

  private MappingResult<SharePath> toShare(OsPath path, Source source, String input) {
    MappingResult<Located> located = locate(path, source, input);
    if (!located.isSuccess()) {
      return MappingResult.failure(located.failure().get());
    }
    Located loc = located.orElseThrow();
    for (String name : loc.rest()) {
      if (name.indexOf('\\') >= 0) {
        return MappingResult.failure(
            FailureKind.INVALID_CHAR,
            input,
            "the name '"
                + name
                + "' in '"
                + input
                + "' contains '\\', which share notation reads as a separator; rename it");
      }
    }
    Optional<MappingFailure> unstorable =
        NameRules.checkUtf8Names(loc.rest(), SHARE_NOTATION, input);
    if (unstorable.isPresent()) {
      return MappingResult.failure(unstorable.get());
    }
    return MappingResult.success(
        shareOutput(loc.share(), loc.rest(), loc.trailing()), loc.warnings());
  }

  private MappingResult<Located> locate(OsPath path, Source source, String input) {
    List<String> warnings = new ArrayList<>(0);
    if (!path.isAbsolute() && options.relativePaths() != RelativePolicy.DEFAULT_VOLUME) {
      return relativeFailure(input);
    }
    MappingResult<List<String>> cleaned =
        NameRules.win32Clean(path, options.win32Semantics(), input, warnings);
    if (!cleaned.isSuccess()) {
      return MappingResult.failure(cleaned.failure().get());
    }
    List<String> components = cleaned.orElseThrow();
    if (!path.isAbsolute()) {
      return relativeToShare(components, path.hasTrailingSeparator(), input, warnings);
    }
    String site = source.site().orElse(table.mainSite());
    Optional<SiteIndex> siteIndex = table.site(site);
    if (siteIndex.isEmpty()) {
      return unknownSite(site, input);
    }
    SiteIndex index = siteIndex.get();
    boolean hasDots = DotSegments.hasDotSegments(components);
    List<String> matchable = components;
    DotSegments.Normalized normalized = null;
    if (hasDots && options.dotDot() != DotDotPolicy.KEEP) {
      normalized = DotSegments.normalize(components);
      matchable = normalized.components();
    } else if (hasDots) {
      matchable = DotSegments.textualPrefix(components);
    }
    Optional<SiteIndex.Match> match =
        normalized != null && normalized.escaped()
            ? Optional.empty()
            : index.match(path.root(), path.flavour(), matchable, source.platform());
    Optional<SiteIndex.Match> textual =
        hasDots
            ? index.match(
                path.root(),
                path.flavour(),
                DotSegments.textualPrefix(components),
                source.platform())
            : match;
    if (match.isEmpty()) {
      if (hasDots && textual.isPresent()) {
        return escapes(input, textual.get());
      }
      return MappingResult.failure(
          FailureKind.NO_MATCH,
          input,
          "'"
              + input
              + "' is not under any root of the table at site "
              + site
              + "; add its storage root to the table, or check the path");
    }
    if (hasDots && options.dotDot() == DotDotPolicy.STRICT && textual.isPresent()) {
      if (normalized.lowestDepth() < textual.get().consumedComponents()) {
        return MappingResult.failure(
            FailureKind.ESCAPES_ROOT,
            input,
            "'"
                + input
                + "' uses '..' to leave the root it starts in, which the STRICT '..' policy"
                + " forbids; write the path without '..'");
      }
    }
    SiteIndex.Match m = match.get();
    MappingResult<Share> chosen = choose(m, input);
    if (!chosen.isSuccess()) {
      return MappingResult.failure(chosen.failure().get());
    }
    List<String> rest;
    if (hasDots && options.dotDot() == DotDotPolicy.KEEP) {
      rest = components.subList(m.consumedComponents(), components.size());
      if (DotSegments.normalize(rest).escaped()) {
        return escapes(input, m);
      }
    } else {
      rest = matchable.subList(m.consumedComponents(), matchable.size());
    }
    if (options.normalizeRemainderNfc()) {
      rest = nfc(rest);
    }
    return MappingResult.success(
        new Located(chosen.orElseThrow(), rest, path.hasTrailingSeparator(), warnings), List.of());
  }

  private MappingResult<Located> relativeToShare(
      List<String> components, boolean trailing, String input, List<String> warnings) {
    Optional<Share> dflt = table.defaultShare();
    if (dflt.isEmpty()) {
      return MappingResult.failure(
          FailureKind.RELATIVE,
          input,
          "'"
              + input
              + "' is relative and the table has no default volume to read it under; mark a"
              + " volume as the default or give an absolute path");
    }
    MappingResult<List<String>> rest = containedRemainder(components, input);
    if (!rest.isSuccess()) {
      return MappingResult.failure(rest.failure().get());
    }
    return MappingResult.success(
        new Located(dflt.get(), rest.orElseThrow(), trailing, warnings), List.of());
  }

  // ------------------------------------------------------------------ to OS paths

  /**
   * Maps an OS path (flavour detected) or share notation to an OS path of a target platform and
   * site. A {@code site=x:} party prefix on share notation sets the site when the target has none.
   *
   * @param text the path
   * @param target the platform and site
   * @return the OS path, or why it could not be mapped
   */
  public MappingResult<OsPath> toOs(String text, Target target) {
    return toOs(text, Source.detect(), target);
  }

  /**
   * Maps an OS path or share notation to an OS path of a target platform and site.
   *
   * @param text the path
   * @param source how to read it and at which site
   * @param target the platform and site
   * @return the OS path, or why it could not be mapped
   */
  public MappingResult<OsPath> toOs(String text, Source source, Target target) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(target, "target == null");
    OsPath fast = FastPath.toOs(table, options, text, source, target);
    return fast != null
        ? MappingResult.success(fast, List.of())
        : toOsGeneral(text, source, target);
  }

  /** The general path of {@link #toOs(String, Source, Target)}, for any input. */
  MappingResult<OsPath> toOsGeneral(String text, Source source, Target target) {
    if (SharePath.isSharePath(text)) {
      MappingResult<SharePath> parsed = SharePath.tryParse(text);
      if (!parsed.isSuccess()) {
        return MappingResult.failure(parsed.failure().get());
      }
      return toOs(parsed.orElseThrow(), target, text, List.of());
    }
    MappingResult<OsPath> parsed = parse(text, source);
    if (!parsed.isSuccess()) {
      return MappingResult.failure(parsed.failure().get());
    }
    OsPath path = parsed.orElseThrow();
    if (!path.isAbsolute() && options.relativePaths() == RelativePolicy.KEEP) {
      return relativeUnchanged(path, target, text);
    }
    MappingResult<Located> located = locate(path, source, text);
    if (!located.isSuccess()) {
      return MappingResult.failure(located.failure().get());
    }
    return place(located.orElseThrow(), target, Optional.empty(), text);
  }

  /**
   * Maps share notation to an OS path of a target platform and site.
   *
   * @param path the share path
   * @param target the platform and site
   * @return the OS path, or why it could not be mapped
   */
  public MappingResult<OsPath> toOs(SharePath path, Target target) {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(target, "target == null");
    return toOs(path, target, path.toString(), List.of());
  }

  private MappingResult<OsPath> toOs(
      SharePath path, Target target, String input, List<String> earlierWarnings) {
    MappingResult<Share> resolved = resolveShare(path, input);
    if (!resolved.isSuccess()) {
      return MappingResult.failure(resolved.failure().get());
    }
    Share share = resolved.orElseThrow();
    List<String> rest = path.components();
    if (options.dotDot() == DotDotPolicy.KEEP) {
      if (DotSegments.normalize(rest).escaped()) {
        return escapesShare(input, share);
      }
    } else {
      MappingResult<List<String>> contained = containedRemainder(rest, input);
      if (!contained.isSuccess()) {
        return MappingResult.failure(contained.failure().get());
      }
      rest = contained.orElseThrow();
    }
    if (options.normalizeRemainderNfc()) {
      rest = nfc(rest);
    }
    return place(
        new Located(share, rest, path.hasTrailingSeparator(), earlierWarnings),
        target,
        siteOfParty(path),
        input);
  }

  /** Puts a located path on a target platform and site, validating the names it will hold. */
  private MappingResult<OsPath> place(
      Located loc, Target target, Optional<String> partySite, String input) {
    Share share = loc.share();
    String site = target.site().orElseGet(() -> partySite.orElse(table.mainSite()));
    Optional<SiteIndex> index = table.site(site);
    if (index.isEmpty()) {
      return unknownSite(site, input);
    }
    Optional<Share.Root> root = index.get().root(share, target.platform());
    if (root.isEmpty()) {
      return MappingResult.failure(
          FailureKind.NO_ROOT_FOR_TARGET,
          input,
          "cannot map '"
              + input
              + "': share '"
              + share.code()
              + "' has no "
              + target.platform().key()
              + " root at site "
              + site
              + (Text.equalsFolded(site, table.mainSite())
                  ? ""
                  : " nor at the main site " + table.mainSite())
              + "; add one to the root table");
    }
    List<String> warnings = new ArrayList<>(loc.warnings());
    Optional<MappingFailure> invalid =
        NameRules.checkTargetNames(
            loc.rest(), target.platform(), options.patternMode(), input, warnings);
    if (invalid.isEmpty() && target.platform().flavour() == PathFlavour.POSIX) {
      invalid = NameRules.checkUtf8Names(loc.rest(), POSIX_PATH, input);
    }
    if (invalid.isPresent()) {
      return MappingResult.failure(invalid.get());
    }
    OsPath base = root.get().path();
    List<String> all = new ArrayList<>(base.components().size() + loc.rest().size());
    all.addAll(base.components());
    all.addAll(loc.rest());
    // Root components come from the table and the rest passed name checks: no need to re-check.
    OsPath out =
        OsPath.trusted(
            base.flavour(), base.root(), Collections.unmodifiableList(all), loc.trailing());
    if (options.longPathPrefix()) {
      if (!DotSegments.hasDotSegments(loc.rest())) {
        out = out.withLongPathPrefix(true);
      } else if (!out.toString().equals(out.withLongPathPrefix(true).toString())) {
        // \\?\ turns off Win32 normalisation: a kept '..' would be read as a literal name.
        warnings.add(
            "'"
                + out
                + "' is long enough for the \\\\?\\ prefix but keeps '..' (DotDotPolicy.KEEP),"
                + " which the prefix would make Windows read literally; it is emitted without it");
      }
    }
    if (out.flavour() == PathFlavour.WINDOWS) {
      Optional<MappingFailure> tooLong = NameRules.checkWindowsLength(out.toString(), input);
      if (tooLong.isPresent()) {
        return MappingResult.failure(tooLong.get());
      }
    }
    return MappingResult.success(out, warnings);
  }

  private MappingResult<OsPath> relativeUnchanged(OsPath path, Target target, String input) {
    List<String> warnings = new ArrayList<>(0);
    MappingResult<List<String>> cleaned =
        NameRules.win32Clean(path, options.win32Semantics(), input, warnings);
    if (!cleaned.isSuccess()) {
      return MappingResult.failure(cleaned.failure().get());
    }
    List<String> components = cleaned.orElseThrow();
    Optional<MappingFailure> invalid =
        NameRules.checkTargetNames(
            components, target.platform(), options.patternMode(), input, warnings);
    PathFlavour flavour = target.platform().flavour();
    if (invalid.isEmpty() && flavour == PathFlavour.POSIX) {
      invalid = NameRules.checkUtf8Names(components, POSIX_PATH, input);
    }
    if (invalid.isPresent()) {
      return MappingResult.failure(invalid.get());
    }
    OsPath out = OsPath.of(flavour, PathRoot.RELATIVE, components, path.hasTrailingSeparator());
    if (flavour == PathFlavour.WINDOWS) {
      Optional<MappingFailure> tooLong = NameRules.checkWindowsLength(out.toString(), input);
      if (tooLong.isPresent()) {
        return MappingResult.failure(tooLong.get());
      }
    }
    return MappingResult.success(out, warnings);
  }

  // ------------------------------------------------------------------ parsing

  private MappingResult<OsPath> parse(String text, Source source) {
    PathFlavour flavour = source.flavour().orElseGet(() -> detectFlavour(text));
    return OsPath.tryParse(text, flavour);
  }

  /** Guesses the flavour; a leading //server/share is UNC only if the table has that root. */
  private PathFlavour detectFlavour(String text) {
    if (text.isEmpty()) {
      return PathFlavour.POSIX;
    }
    char c0 = text.charAt(0);
    if (c0 == '\\') {
      return PathFlavour.WINDOWS;
    }
    if (text.length() >= 2 && text.charAt(1) == ':' && isAsciiLetter(c0)) {
      return PathFlavour.WINDOWS;
    }
    if (c0 == '/') {
      if (text.startsWith("//")) {
        if (text.startsWith("//?/") || text.startsWith("//./")) {
          return PathFlavour.WINDOWS;
        }
        return table.hasUncRoot(text) ? PathFlavour.WINDOWS : PathFlavour.POSIX;
      }
      return PathFlavour.POSIX;
    }
    return text.indexOf('\\') >= 0 && text.indexOf('/') < 0
        ? PathFlavour.WINDOWS
        : PathFlavour.POSIX;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  // ------------------------------------------------------------------ helpers

  private MappingResult<Share> resolveShare(SharePath path, String input) {
    Optional<Share> share = table.share(path.code());
    if (share.isEmpty()) {
      String known = String.join(", ", table.shares().stream().map(Share::code).toList());
      return MappingResult.failure(
          FailureKind.UNKNOWN_SHARE,
          input,
          path.isDefaultShare()
              ? "'" + input + "' names the default volume, but no volume is marked as default"
              : "'"
                  + input
                  + "' names share '"
                  + path.code()
                  + "', which the root table does not have; known shares: "
                  + (known.isEmpty() ? "none" : known));
    }
    Share s = share.get();
    if (!path.kind().accepts(s.kind())) {
      return MappingResult.failure(
          FailureKind.UNKNOWN_SHARE,
          input,
          "'"
              + input
              + "' names '"
              + s.code()
              + "' as a "
              + path.kind().key()
              + ", but it is a "
              + s.kind().key()
              + "; write "
              + s.kind().key()
              + "="
              + s.code()
              + " or share="
              + s.code());
    }
    return MappingResult.success(s, List.of());
  }

  /** Normalises components below a fixed root; a climb above it is ESCAPES_ROOT. */
  private static MappingResult<List<String>> containedRemainder(
      List<String> components, String input) {
    DotSegments.Normalized n = DotSegments.normalize(components);
    if (n.escaped()) {
      return MappingResult.failure(
          FailureKind.ESCAPES_ROOT,
          input,
          "'" + input + "' uses '..' to climb above its share; write the path without it");
    }
    return MappingResult.success(n.components(), List.of());
  }

  private MappingResult<Share> choose(SiteIndex.Match match, String input) {
    List<Share> shares = match.distinctShares();
    if (shares.size() == 1) {
      return MappingResult.success(shares.get(0), List.of());
    }
    if (options.shareHint().isPresent()) {
      for (Share s : shares) {
        if (Text.equalsFolded(s.code(), options.shareHint().get())) {
          return MappingResult.success(s, List.of());
        }
      }
    }
    List<String> codes = shares.stream().map(Share::code).toList();
    return MappingResult.failure(
        FailureKind.AMBIGUOUS,
        input,
        "'"
            + input
            + "' is under a root owned by several shares "
            + codes
            + "; pass one of them as the share hint (MappingOptions.shareHint)");
  }

  private SharePath shareOutput(Share share, List<String> rest, boolean trailing) {
    if (options.preferVolume() && share.kind() == ShareKind.FOLDER && share.parent().isPresent()) {
      Share volume = table.share(share.parent().get()).orElseThrow();
      List<String> all = new ArrayList<>(share.pathInParent());
      all.addAll(rest);
      return SharePath.of(ShareKind.VOLUME, volume.code(), all, trailing);
    }
    ShareKind kind =
        options.preferVolume() && share.kind() == ShareKind.VOLUME
            ? ShareKind.VOLUME
            : ShareKind.SHARE;
    return SharePath.of(kind, share.code(), rest, trailing);
  }

  private static Optional<String> siteOfParty(SharePath path) {
    return path.party()
        .filter(p -> Text.regionMatchesAscii(p, 0, "site="))
        .map(p -> p.substring(5));
  }

  private static List<String> nfc(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(Text.nfc(n));
    }
    return out;
  }

  private <T> MappingResult<T> unknownSite(String site, String input) {
    return MappingResult.failure(
        FailureKind.NO_ROOT_FOR_TARGET,
        input,
        "cannot map '"
            + input
            + "': site '"
            + site
            + "' is not in the root table (sites: "
            + String.join(", ", table.sites())
            + "); declare it with RootTable.Builder.site(..) or fix the site code");
  }

  private static <T> MappingResult<T> relativeFailure(String input) {
    return MappingResult.failure(
        FailureKind.RELATIVE,
        input,
        "'"
            + input
            + "' is relative, so it matches no root; give an absolute path, or map with"
            + " RelativePolicy.DEFAULT_VOLUME to read it under the default volume");
  }

  private static <T> MappingResult<T> escapes(String input, SiteIndex.Match textual) {
    String code = textual.distinctShares().get(0).code();
    return MappingResult.failure(
        FailureKind.ESCAPES_ROOT,
        input,
        "'"
            + input
            + "' starts under share '"
            + code
            + "' but its '..' climbs out of that root; write the path without '..'");
  }

  private static <T> MappingResult<T> escapesShare(String input, Share share) {
    return MappingResult.failure(
        FailureKind.ESCAPES_ROOT,
        input,
        "'" + input + "' uses '..' to climb above share '" + share.code() + "'");
  }
}
