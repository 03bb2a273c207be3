/**
 * The offline demo: a seeded studio on testkit's embedded accsyn and ftrack fakes ({@link
 * io.pipelinekit.examples.demo.DemoStudio}) and the run that drives every flow through it and
 * checks every file byte for byte ({@link io.pipelinekit.examples.demo.Demo}).
 */
package io.pipelinekit.examples.demo;
