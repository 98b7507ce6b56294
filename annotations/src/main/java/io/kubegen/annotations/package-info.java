/**
 * Annotations that mark Java model classes as Kubernetes resource types. The kubegen
 * generators ({@code client-gen}, {@code lister-gen}, {@code informer-gen}, {@code crd-gen}) read
 * them and emit typed clients, listers, informers and CustomResourceDefinitions. This module has no dependencies and is only
 * needed at compile time.
 */
package io.kubegen.annotations;
