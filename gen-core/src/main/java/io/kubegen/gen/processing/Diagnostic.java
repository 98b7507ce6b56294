package io.kubegen.gen.processing;

/**
 * The catalogue of every message kubegen's processor and its generator steps print. Each has a stable id, printed in
 * brackets at the start of the message ({@code [kubegen.plural-conflict] ...}), and a text that
 * says what to change. {@code docs/design.md} lists them all.
 */
public enum Diagnostic {
  /** {@code @GenClient} on an interface, enum or annotation. */
  NOT_A_CLASS("not-a-class", "@GenClient goes on a class or record, but %s is %s"),
  /** The type does not implement {@code KubernetesObject}. */
  NOT_A_RESOURCE("not-a-resource",
      "%s must implement io.kubegen.runtime.api.KubernetesObject (getApiVersion(), getKind(), getMetadata()) to be a resource type"),
  /** The type's metadata cannot be read back from JSON. */
  MISSING_METADATA("missing-metadata",
      "%s cannot read its metadata from JSON: add a setMetadata(ObjectMeta) method or a metadata field (a record needs a component named metadata)"),
  /** The type or one enclosing it is not public. */
  NOT_PUBLIC("not-public", "%s must be public, and so must every type enclosing it, so that generated code can use it"),
  /** A nested class that is not static. */
  INNER_CLASS("inner-class", "%s is an inner class: make it static (or top-level) so that objects can be created without an enclosing instance"),
  /** An abstract class. */
  ABSTRACT_TYPE("abstract-type", "%s is abstract: clients decode JSON into it, so make it a concrete class or a record"),
  /** A class without a public no-argument constructor. */
  NO_DEFAULT_CONSTRUCTOR("no-default-constructor",
      "%s needs a public no-argument constructor so that objects can be decoded from JSON (or make it a record)"),
  /** A generic resource type. */
  GENERIC_TYPE("generic-type", "%s has type parameters: a resource type must not be generic"),
  /** No {@code @GroupVersion} on the type or its package. */
  MISSING_GROUP_VERSION("missing-group-version",
      "%s has no API group and version: put @GroupVersion(group = \"...\", version = \"...\") on the type or on its package-info.java"),
  /** A group that is not {@code ""} or a DNS subdomain. */
  INVALID_GROUP("invalid-group",
      "group \"%s\" is not an API group: use \"\" for the core group or a lower-case DNS subdomain such as example.com"),
  /** A version that is not {@code v<N>[alpha|beta<M>]}. */
  INVALID_VERSION("invalid-version",
      "version \"%s\" is not a Kubernetes API version: use v<N>, v<N>alpha<M> or v<N>beta<M>, such as v1 or v1alpha1"),
  /** A kind that is not an upper-camel-case name. */
  INVALID_KIND("invalid-kind", "kind \"%s\" is not valid: use an upper-camel-case name of letters and digits, such as Foo"),
  /** A plural that is not a lower-case resource name. */
  INVALID_PLURAL("invalid-plural", "plural \"%s\" is not valid: use lower-case letters and digits starting with a letter, such as foos"),
  /** Verb attributes that contradict each other. */
  VERB_CONFLICT("verb-conflict", "conflicting verbs on %s: %s"),
  /** Two kinds with the same plural in one group version. */
  PLURAL_CONFLICT("plural-conflict", "%s and %s both use the resource name \"%s\" in %s: set a different plural on one of them"),
  /** Two types with the same kind in one group version. */
  KIND_CONFLICT("kind-conflict", "%s and %s both declare kind %s in %s: set a different kind on one of them"),
  /** Two groups whose generated package segment is the same; reported on every type of both. */
  GROUP_CONFLICT("group-conflict",
      "%s (group \"%s\") and %s (group \"%s\") both map to the package segment \"%s\": generate them in separate compilations (or with different outputPackage)"),
  /** A bad {@code @GenIndex} name. */
  INVALID_INDEX("invalid-index", "@GenIndex name \"%s\" on %s: %s"),
  /** A {@code @GenIndex} path that does not resolve. */
  INDEX_PATH("index-path", "@GenIndex path \"%s\" does not resolve on %s: %s"),
  /** A {@code @GenIndex} on a type without LIST and WATCH. */
  INDEX_NEEDS_LIST_WATCH("index-needs-list-watch",
      "@GenIndex \"%s\" needs the LIST and WATCH verbs, but the verb settings of %s remove them"),
  /** A {@code @GenClient.Method} with an unsupported verb, subresource, type or name. */
  INVALID_METHOD("invalid-method", "@GenClient.Method %s: %s"),
  /** Resource types without a common package root and no {@code outputPackage} option. */
  OUTPUT_PACKAGE_REQUIRED("output-package-required",
      "the resource types share no package root (%s): set the processor option -Akubegen.outputPackage=<package>"),
  /** A warning: no {@code outputPackage} option, so the base package was derived from the types. */
  DERIVED_OUTPUT_PACKAGE("derived-output-package",
      "no -Akubegen.outputPackage given: the generated code goes to package %s (the resource types' common package root + .generated); set the option (the Maven plugin's <outputPackage>) to choose it"),
  /** An {@code outputPackage} option that is not a package name. */
  INVALID_OUTPUT_PACKAGE("invalid-output-package", "-Akubegen.outputPackage=%s is not a valid Java package name"),
  /** A type whose referenced types never resolved. */
  UNRESOLVED_TYPE("unresolved-type", "%s refers to types that could not be resolved (%s); nothing was generated for it"),
  /** A resource type that appeared after code had been generated. */
  LATE_TYPE("late-type",
      "%s appeared in a later annotation processing round, after kubegen generated code for the others; nothing was generated for it"),
  /** No generator step on the processor path. */
  NO_GENERATOR("no-generator",
      "no kubegen generator on the processor path: add io.kubegen:kubegen-client-gen, kubegen-lister-gen, kubegen-informer-gen or kubegen-crd-gen"),
  /** A {@code kubegen.generators} entry that names no step on the processor path. */
  UNKNOWN_GENERATOR("unknown-generator", "-Akubegen.generators names \"%s\", which is not a generator on the processor path (there: %s)"),
  /** A selected step without the steps its code refers to. */
  GENERATOR_NEEDS("generator-needs",
      "the %s generator's code uses what the %s generator(s) write: add them to -Akubegen.generators (the Maven plugin's <generators>), as in -Akubegen.generators=%s, or leave the option out to run every generator"),
  /** A selected step whose required steps are not on the processor path. */
  GENERATOR_MISSING("generator-missing",
      "the %s generator's code uses what the %s generator(s) write, which are not on the processor path: add %s"),
  /** Several versions of one CRD and not exactly one marked {@code @GenCrd(storage = true)}. */
  CRD_STORAGE_VERSION("crd-storage-version",
      "the CRD %s has the versions %s, and %s: mark exactly one of them @GenCrd(storage = true)"),
  /** Versions of one CRD that disagree on what the CRD holds once (scope, plural, names). */
  CRD_VERSION_CONFLICT("crd-version-conflict",
      "%s and %s are versions of the CRD %s but disagree on %s (%s vs %s): make them the same"),
  /** A property type the OpenAPI schema of a CRD cannot express. */
  CRD_UNSUPPORTED_TYPE("crd-unsupported-type", "%s: the type %s cannot be expressed in a CRD schema: %s"),
  /** A type that contains itself, which a structural schema cannot describe. */
  CRD_RECURSIVE_TYPE("crd-recursive-type",
      "%s: %s contains itself (%s), which a CRD's structural schema cannot describe: break the cycle, or make the property a JsonNode or @GenSchema(preserveUnknownFields = true)"),
  /** A validation annotation on a property whose type it does not fit. */
  CRD_INVALID_CONSTRAINT("crd-invalid-constraint", "%s: %s does not apply to a property of schema type %s"),
  /** A printer column, scale path or other {@code @GenCrd} setting that does not fit the schema. */
  CRD_INVALID_SETTING("crd-invalid-setting", "@GenCrd on %s: %s"),
  /** A file that could not be written. */
  WRITE_FAILED("write-failed", "could not write generated file %s: %s");

  private final String id;
  private final String format;

  Diagnostic(String id, String format) {
    this.id = id;
    this.format = format;
  }

  /** The stable id, such as {@code kubegen.plural-conflict}. */
  public String id() {
    return "kubegen." + id;
  }

  /** The message with its arguments, prefixed with {@code [id]}. */
  public String format(Object... args) {
    return "[" + id() + "] " + String.format(format, args);
  }
}
