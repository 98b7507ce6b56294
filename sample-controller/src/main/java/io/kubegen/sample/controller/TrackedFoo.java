package io.kubegen.sample.controller;

/**
 * What the controller last made of one Foo: its Deployment, the replicas it asked for and the
 * replicas the Deployment reported available.
 *
 * @param key {@code namespace/name} of the Foo
 * @param deploymentName the owned Deployment
 * @param replicas the replicas set on the Deployment (after any FooPolicy cap)
 * @param availableReplicas the Deployment's available replicas, as written to the Foo's status
 */
public record TrackedFoo(String key, String deploymentName, int replicas, int availableReplicas) {}
