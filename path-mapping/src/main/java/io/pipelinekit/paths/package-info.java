/**
 * Path mapping between operating systems, sites, storage roots and accsyn share notation.
 *
 * <p>Build a {@link io.pipelinekit.paths.RootTable} of {@link io.pipelinekit.paths.Share shares}
 * once, wrap it in a {@link io.pipelinekit.paths.PathMapper}, and map paths through the canonical
 * share form. Every call returns a {@link io.pipelinekit.paths.MappingResult}: a value, or a typed
 * {@link io.pipelinekit.paths.FailureKind failure} with a message that says how to fix it.
 *
 * <pre>{@code
 * RootTable table = RootTable.load(Path.of("studio-roots.json"));
 * PathMapper mapper = PathMapper.of(table);
 * OsPath windows = mapper.toOs("/storage/shots/a.exr", Target.of(Platform.WINDOWS)).orElseThrow();
 * SharePath share = mapper.toShare(windows.toString()).orElseThrow();   // share=storage/shots/a.exr
 * }</pre>
 *
 * <p>The module has no runtime dependencies, never touches the file system, and never depends on
 * the JVM's default locale or on DNS. See {@code docs/path-mapping.md} for the user guide.
 */
package io.pipelinekit.paths;
