package io.kubegen.apiserver.internal;

import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.api.StatusCause;
import io.kubegen.runtime.api.StatusDetails;
import java.util.List;

/** A request the server answers with a {@link Status} body and its HTTP code. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Status status;

  private ApiException(Status status) {
    super(status.getMessage(), null, false, false);
    this.status = status;
  }

  /** The Status body. */
  public Status status() { return status; }

  /** The HTTP code. */
  public int code() { return status.getCode(); }

  static ApiException of(int code, String reason, String message) {
    return new ApiException(Status.failure(code, reason, message));
  }

  private static ApiException withDetails(int code, String reason, String message, ResourceDefinition def, String name) {
    Status s = Status.failure(code, reason, message);
    StatusDetails d = new StatusDetails();
    d.setName(name);
    if (def != null) {
      d.setGroup(def.group().isEmpty() ? null : def.group());
      d.setKind(def.plural());
    }
    s.setDetails(d);
    return new ApiException(s);
  }

  static ApiException notFound(ResourceDefinition def, String name) {
    return withDetails(404, "NotFound", def.groupResource() + " \"" + name + "\" not found", def, name);
  }

  static ApiException namespaceNotFound(String namespace) {
    Status s = Status.failure(404, "NotFound", "namespaces \"" + namespace + "\" not found");
    StatusDetails d = new StatusDetails();
    d.setName(namespace);
    d.setKind("namespaces");
    s.setDetails(d);
    return new ApiException(s);
  }

  static ApiException noSuchPath() {
    return of(404, "NotFound", "the server could not find the requested resource");
  }

  static ApiException alreadyExists(ResourceDefinition def, String name) {
    return withDetails(409, "AlreadyExists", def.groupResource() + " \"" + name + "\" already exists", def, name);
  }

  static ApiException conflict(ResourceDefinition def, String name, String why) {
    return withDetails(409, "Conflict", "Operation cannot be fulfilled on " + def.groupResource() + " \"" + name
        + "\": " + why, def, name);
  }

  static ApiException staleResourceVersion(ResourceDefinition def, String name) {
    return conflict(def, name, "the object has been modified; please apply your changes to the latest version and try again");
  }

  static ApiException invalid(ResourceDefinition def, String name, String field, String causeReason, String detail) {
    String kind = def.kind();
    ApiException e = withDetails(422, "Invalid", kind + " \"" + (name == null ? "" : name) + "\" is invalid: " + field
        + ": " + detail, def, name);
    e.status.getDetails().setKind(kind);
    e.status.getDetails().setCauses(List.of(new StatusCause(causeReason, detail, field)));
    return e;
  }

  /**
   * 422 Invalid with one cause per error, worded as kube-apiserver words it:
   * {@code Foo.example.com "x" is invalid: [spec.a: Required value, ...]}.
   */
  static ApiException invalid(ResourceDefinition def, String name, List<FieldError> errors) {
    String qualifiedKind = def.group().isEmpty() ? def.kind() : def.kind() + "." + def.group();
    ApiException e = withDetails(422, "Invalid", qualifiedKind + " \"" + (name == null ? "" : name) + "\" is invalid: "
        + FieldError.aggregate(errors), def, name);
    e.status.getDetails().setKind(def.kind());
    e.status.getDetails().setCauses(errors.stream()
        .map(f -> new StatusCause(f.reason(), f.body(), f.field())).toList());
    return e;
  }

  static ApiException badRequest(String message) {
    return of(400, "BadRequest", message);
  }

  static ApiException gone(String message) {
    return of(410, "Expired", message);
  }

  static ApiException methodNotAllowed(String method) {
    return of(405, "MethodNotAllowed", "the server does not allow this method on the requested resource: " + method);
  }

  static ApiException unsupportedMediaType(String contentType) {
    return of(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
        + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, "
        + "application/apply-patch+yaml (got " + contentType + ")");
  }

  static ApiException unauthorized() {
    return of(401, "Unauthorized", "Unauthorized");
  }
}
