package io.kubegen.informergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.kubegen.gen.testing.TestSources.record;

import com.google.testing.compile.Compilation;
import io.kubegen.clientgen.ClientGenStep;
import io.kubegen.gen.processing.KubegenProcessor;
import io.kubegen.gen.testing.TestSources;
import io.kubegen.listergen.ListerGenStep;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * informer-gen's diagnostics, with client-gen and lister-gen in the same pass (each problem printed
 * once), and a selection of informer-gen without the generators its code uses: message id and line.
 */
@Timeout(120)
class DiagnosticsTest {

  private static JavaFileObject policy() {
    return record("Policy", "@GenClient(onlyVerbs = {Verb.GET, Verb.LIST})", "@GenIndex(name = \"byOwner\", path = \"metadata.name\")");
  }

  private static JavaFileObject fooWithClashingIndex() {
    return record("Foo", "@GenClient", "@GenIndex(name = \"foos\", path = \"metadata.name\")");
  }

  @Test
  void indexOnATypeWithoutWatchIsAnErrorOnTheAnnotation() {
    JavaFileObject policy = policy();
    Compilation c = TestSources.compile(all(), policy);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch] @GenIndex \"byOwner\" needs the LIST and WATCH verbs")
        .inFile(policy).onLine(8);
  }

  private static KubegenProcessor all() {
    return new KubegenProcessor(new ClientGenStep(), new ListerGenStep(), new InformerGenStep());
  }

  @Test
  void theListerRuleThatTwoStepsApplyIsPrintedOnce() {
    JavaFileObject policy = policy();
    JavaFileObject foo = fooWithClashingIndex();
    Compilation c = javac().withProcessors(all()).compile(policy, foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch]").inFile(policy).onLine(8);
    assertThat(c).hadErrorContaining("[kubegen.invalid-index] @GenIndex name \"foos\" on Foo").inFile(foo).onLine(9);
    // no FooInformer pointing at a FooLister that was not written: that would add "cannot find symbol" errors
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void theInformerGeneratorAloneAsksForTheClientAndListerGenerators() {
    JavaFileObject foo = record("Foo", "@GenClient");
    Compilation c = javac().withProcessors(all()).withOptions("-Akubegen.generators=informer").compile(foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.generator-needs] the informer generator's code uses what the client,"
        + " lister generator(s) write: add them to -Akubegen.generators");
    assertThat(c).hadErrorContaining("-Akubegen.generators=client,informer,lister");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void withoutTheClientAndListerGeneratorsOnTheProcessorPathTheMessageNamesTheirModules() {
    Compilation c = TestSources.compile(new KubegenProcessor(new InformerGenStep()), record("Foo", "@GenClient"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.generator-missing] the informer generator's code uses what the client,"
        + " lister generator(s) write, which are not on the processor path: add io.kubegen:kubegen-client-gen,"
        + " io.kubegen:kubegen-lister-gen");
  }
}
