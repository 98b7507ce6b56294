package io.kubegen.sample.controller;

import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.sample.apps.v1.Deployment;
import io.kubegen.sample.apps.v1.DeploymentStatus;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.generated.informers.SharedInformerFactory;
import io.kubegen.sample.generated.listers.apps.v1.DeploymentLister;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.api.LabelSelector;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the parts of a real cluster the embedded API server does not have: like the
 * deployment controller and the kubelets, it reports every Deployment's replicas as available;
 * like the garbage collector, it deletes the Deployments a deleted Foo controlled. Used by the
 * embedded demo only; on a real cluster, kube-controller-manager does this.
 *
 * <p>Works from informer handlers (each handler has its own delivery thread); stateless apart
 * from the clients it holds.
 */
public final class ClusterSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSimulator.class);

  private final Clientset clients;
  private final DeploymentLister deployments;
  private final Consumer<String> narrator;

  /** Registers the simulator's handlers on {@code factory}'s Deployment and Foo informers. */
  public ClusterSimulator(Clientset clients, SharedInformerFactory factory, Consumer<String> narrator) {
    this.clients = clients;
    this.narrator = narrator;
    var deploymentInformer = factory.apps().v1().deployments();
    this.deployments = deploymentInformer.lister();
    deploymentInformer.informer().addEventHandler(new ResourceEventHandler<Deployment>() {
      @Override public void onAdd(Deployment d, boolean isInInitialList) { rollOut(d); }
      @Override public void onUpdate(Deployment oldD, Deployment newD) { rollOut(newD); }
    });
    factory.samplecontroller().v1alpha1().foos().informer().addEventHandler(new ResourceEventHandler<Foo>() {
      @Override public void onDelete(Foo foo, boolean finalStateUnknown) { collectGarbage(foo); }
    });
  }

  /** Reports all wanted replicas of {@code deployment} as ready and available. */
  private void rollOut(Deployment deployment) {
    int wanted = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
        ? 1 : deployment.getSpec().getReplicas();
    DeploymentStatus status = deployment.getStatus();
    if (status != null && Objects.equals(status.getAvailableReplicas(), wanted)
        && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())) {
      return;
    }
    Deployment copy = Json.deepCopy(deployment);
    DeploymentStatus next = new DeploymentStatus();
    next.setObservedGeneration(deployment.getMetadata().getGeneration());
    next.setReplicas(wanted);
    next.setUpdatedReplicas(wanted);
    next.setReadyReplicas(wanted);
    next.setAvailableReplicas(wanted);
    copy.setStatus(next);
    try {
      clients.appsV1().deployments(deployment.getMetadata().getNamespace()).updateStatus(copy);
      narrator.accept("  (cluster) deployment " + deployment.getMetadata().getNamespace() + "/"
          + deployment.getMetadata().getName() + " rolled out: " + wanted + " available");
    } catch (KubeApiException e) {
      if (e.isConflict() || e.isNotFound()) {
        LOG.debug("deployment {} changed meanwhile; the next event rolls it out", deployment.getMetadata().getName());
      } else {
        LOG.warn("cannot report deployment {} as rolled out: {}", deployment.getMetadata().getName(), e.getMessage());
      }
    }
  }

  /** Deletes the Deployments {@code foo} controlled, as the garbage collector would. */
  private void collectGarbage(Foo foo) {
    String namespace = foo.getMetadata().getNamespace();
    String uid = foo.getMetadata().getUid();
    for (Deployment d : deployments.deployments(namespace).list(LabelSelector.everything())) {
      boolean owned = d.getMetadata().getOwnerReferences().stream()
          .anyMatch(ref -> Boolean.TRUE.equals(ref.getController()) && Objects.equals(ref.getUid(), uid));
      if (owned) {
        try {
          clients.appsV1().deployments(namespace).delete(d.getMetadata().getName());
          narrator.accept("  (cluster) garbage-collected deployment " + namespace + "/"
              + d.getMetadata().getName() + " of deleted foo " + foo.getMetadata().getName());
        } catch (KubeApiException e) {
          if (!e.isNotFound()) {
            LOG.warn("cannot delete deployment {}: {}", d.getMetadata().getName(), e.getMessage());
          }
        }
      }
    }
  }
}
