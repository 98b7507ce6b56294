package io.kubegen.informergen;

import com.example.testinformers.clientset.Clientset;
import com.example.testinformers.clientset.fake.FakeClientset;

/** The generated informers against the generated {@code FakeClientset}, as a downstream unit test would. */
class FakeClientsetInformerTest extends InformerContract {
  private final FakeClientset clientset = new FakeClientset();

  @Override
  Clientset clientset() {
    return clientset;
  }
}
