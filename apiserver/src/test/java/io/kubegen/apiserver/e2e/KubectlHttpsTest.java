package io.kubegen.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.apiserver.junit.EmbeddedApiServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kubectl over HTTPS with the generated certificate as CA and a bearer token. */
@Timeout(60)
class KubectlHttpsTest {
  @RegisterExtension
  static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.https(true).bearerToken("kubectl-token"));

  @TempDir
  Path dir;

  @Test
  void verifiesTheCertificateAndSendsTheToken(EmbeddedApiServer server) throws Exception {
    Kubectl kubectl = new Kubectl(server, dir);
    assertThat(kubectl.run("get", "namespaces", "-o", "name").ok().out()).contains("namespace/kube-system");
    kubectl.run("apply", "-f", kubectl.file("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: over-tls}
        data: {a: b}
        """).toString()).ok();
    assertThat(kubectl.run("get", "configmap", "over-tls", "-o", "jsonpath={.data.a}").ok().out()).isEqualTo("b");

    Path wrongToken = dir.resolve("wrong.yaml");
    Files.writeString(wrongToken, Files.readString(dir.resolve("kubeconfig.yaml")).replace("kubectl-token", "other-token"));
    Kubectl.Result denied = kubectl.runWith(wrongToken, "get", "namespaces");
    assertThat(denied.exit()).isNotZero();
    assertThat(denied.err()).containsIgnoringCase("unauthorized").doesNotContain("kubectl-token");
  }
}
