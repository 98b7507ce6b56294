package io.kubegen.informergen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.kubegen.gen.testing.TestSources.record;

import com.google.testing.compile.Compilation;
import io.kubegen.clientgen.ClientGenProcessor;
import io.kubegen.gen.testing.TestSources;
import io.kubegen.listergen.ListerGenProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * informer-gen's diagnostics, alone and with client-gen and lister-gen in the same compilation
 * (each problem printed once): message id and line.
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
    Compilation c = TestSources.compile(new InformerGenProcessor(), policy);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch] @GenIndex \"byOwner\" needs the LIST and WATCH verbs")
        .inFile(policy).onLine(8);
  }

  @Test
  void allThreeProcessorsTogetherPrintEachProblemOnce() {
    JavaFileObject policy = policy();
    JavaFileObject foo = fooWithClashingIndex();
    Compilation c = javac()
        .withProcessors(new ClientGenProcessor(), new ListerGenProcessor(), new InformerGenProcessor())
        .compile(policy, foo);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[kubegen.index-needs-list-watch]").inFile(policy).onLine(8);
    assertThat(c).hadErrorContaining("[kubegen.invalid-index] @GenIndex name \"foos\" on Foo").inFile(foo).onLine(9);
    // no FooInformer pointing at a FooLister that was not written: that would add "cannot find symbol" errors
    assertThat(c).hadErrorCount(2);
  }
}
