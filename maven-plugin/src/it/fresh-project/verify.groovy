// The plugin generated the clientset, fake clientset, lister, informer and factory, and the
// project's own code compiled against them.
def generated = new File(basedir, 'target/generated-sources/kubegen/com/example/generated')
['clientset/Clientset.java',
 'clientset/fake/FakeClientset.java',
 'clientset/widgets/v1/WidgetClient.java',
 'listers/widgets/v1/WidgetLister.java',
 'listers/widgets/v1/WidgetNamespaceLister.java',
 'informers/widgets/v1/WidgetInformer.java',
 'informers/SharedInformerFactory.java'].each {
  assert new File(generated, it).isFile() : "missing generated file $it"
}
assert new File(basedir, 'target/classes/com/example/generated/clientset/Clientset.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/WidgetCounter.class').isFile()

def log = new File(basedir, 'build.log').text
assert log =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written to target.generated-sources.kubegen in \d+ ms \(client, lister, informer\)/
assert !log.contains('[WARNING] kubegen')
assert log.contains('BUILD SUCCESS')
return true
