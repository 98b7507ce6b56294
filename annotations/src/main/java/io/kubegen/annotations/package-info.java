/**
 * Annotations that mark Java model classes as Kubernetes resource types. The kubegen
 * processors ({@code client-gen}, {@code lister-gen}, {@code informer-gen}) read them and
 * emit typed clients, listers and informers. This module has no dependencies and is only
 * needed at compile time.
 */
package io.kubegen.annotations;
