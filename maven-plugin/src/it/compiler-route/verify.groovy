// kubegen ran inside the main compile, after Lombok: every generator's output is in the compiler's
// generated-sources folder, compiled with the project's code, and nothing was reported.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('[kubegen.')
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/generated')
['clientset/Clientset.java', 'clientset/fake/FakeClientset.java', 'clientset/gadgets/v1/GadgetClient.java',
 'clientset/gadgets/v1/GadgetsV1Client.java', 'listers/gadgets/v1/GadgetLister.java',
 'informers/gadgets/v1/GadgetInformer.java', 'informers/SharedInformerFactory.java'].each {
  assert new File(generated, it).isFile() : "missing generated file $it"
}
assert new File(generated, 'listers/gadgets/v1/GadgetLister.java').text.contains('spec.getOwner()')
assert new File(basedir, 'target/classes/com/example/app/GadgetOwners.class').isFile()
return true
