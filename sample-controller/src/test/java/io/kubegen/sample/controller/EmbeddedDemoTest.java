package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's demo, end to end, as {@code Main} runs it. */
@Timeout(90)
class EmbeddedDemoTest {

  @Test
  void theDemoWalksThroughEveryStepAndSummarises() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = Main.run(new String[] {"--embedded", "--workers=3", "--demo-timeout=60"}, out, out);
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(code).as(output).isZero();
    assertThat(output)
        .contains("ok: every Foo reports its replicas available")
        .contains("ok: deployment web runs 5 replicas")
        .contains("ok: deployment web is capped at 4 replicas")
        .contains("ok: the controller stops tracking batch and its deployment is gone")
        .contains("garbage-collected deployment default/batch-runner of deleted foo batch")
        .contains("tracked foos: default/example-foo, default/web")
        .containsPattern("foo web +-> deployment web +replicas=4 available=4 owner=Foo/web")
        .contains("demo finished in");
  }

  @Test
  void badArgumentsPrintUsageAndExitWithTwo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--workers=zero"}, out, out)).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("--workers must be a number, got 'zero'")
        .contains("usage: sample-controller");
  }
}
