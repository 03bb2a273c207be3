package io.pipelinekit.ftrack.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every value type in this module: the generated class stays package
 * private behind a public abstract type with a nested {@code Builder}, no Guava, no {@code withX}
 * copies (users go through {@code toBuilder()}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    depluralize = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface FtrackStyle {}
