package io.pipelinekit.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every public value type of the clients: the generated class stays package
 * private behind a public abstract type with a nested {@code Builder}, no Guava, and no {@code
 * withX} copies (users go through {@code toBuilder()}), so the public surface is exactly what the
 * abstract types say.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    depluralize = true,
    depluralizeDictionary = {"status:statuses", "child:children"},
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
