package io.pipelinekit.flows.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the flows' requests and results: the generated class stays package
 * private behind the public abstract type and its nested {@code Builder}, no Guava, no {@code
 * withX} copies, so the public surface is exactly what the abstract types declare.
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
public @interface FlowsStyle {}
