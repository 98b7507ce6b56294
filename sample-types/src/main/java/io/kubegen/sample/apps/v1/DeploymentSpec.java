package io.kubegen.sample.apps.v1;

/** The wanted state of a {@link Deployment}. Not thread-safe. */
public class DeploymentSpec {
  private Integer replicas;
  private Selector selector = new Selector();
  private PodTemplate template = new PodTemplate();

  /** The wanted replicas; null means one. */
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  /** Which pods belong to the Deployment. */
  public Selector getSelector() { return selector; }
  public void setSelector(Selector selector) { this.selector = selector; }
  /** The pods it runs. */
  public PodTemplate getTemplate() { return template; }
  public void setTemplate(PodTemplate template) { this.template = template; }
}
