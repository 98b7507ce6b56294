package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.api.StatusDetails;
import io.kubegen.runtime.rest.KubeApiException;

/** The errors the tracker answers with, worded as the API server words them. Stateless. */
final class ApiErrors {
  private ApiErrors() {}

  static KubeApiException notFound(ResourceType<?> type, String name) {
    return error(404, "NotFound", type, name, type.qualifiedResource() + " \"" + name + "\" not found");
  }

  static KubeApiException alreadyExists(ResourceType<?> type, String name) {
    return error(409, "AlreadyExists", type, name, type.qualifiedResource() + " \"" + name + "\" already exists");
  }

  static KubeApiException conflict(ResourceType<?> type, String name, String why) {
    return error(409, "Conflict", type, name,
        "Operation cannot be fulfilled on " + type.qualifiedResource() + " \"" + name + "\": " + why);
  }

  static KubeApiException invalid(ResourceType<?> type, String name, String why) {
    return error(422, "Invalid", type, name,
        type.kind() + " \"" + (name == null ? "" : name) + "\" is invalid: " + why);
  }

  static KubeApiException badRequest(ResourceType<?> type, String message) {
    return error(400, "BadRequest", type, null, message);
  }

  /** What kube-apiserver answers for an error its storage raises without a status: 500, no reason. */
  static KubeApiException internal(String message) {
    Status s = Status.failure(500, null, message);
    return new KubeApiException(s);
  }

  static KubeApiException expired(String message) {
    Status s = Status.failure(410, "Expired", message);
    return new KubeApiException(s);
  }

  private static KubeApiException error(int code, String reason, ResourceType<?> type, String name, String message) {
    Status s = Status.failure(code, reason, message);
    StatusDetails d = new StatusDetails();
    d.setName(name);
    d.setGroup(type.resource().group());
    d.setKind(type.resource().resource());
    s.setDetails(d);
    return new KubeApiException(s);
  }
}
