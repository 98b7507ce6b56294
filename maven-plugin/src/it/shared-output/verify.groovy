// Two builds into a shared folder: the second (client only) removed kubegen's own listers and
// informers (WidgetLister, WidgetNamespaceLister, WidgetInformer, SharedInformerFactory), and nothing that kubegen did not write.
def log = new File(basedir, 'build.log').text
def events = log.readLines().findAll { it.contains('kubegen: ') }
assert events.size() == 2 : events
assert events[0] =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written to src.main.generated .*\(client, lister, informer\)/
assert events[1] =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written to src.main.generated .*\(client\)$/
assert log =~ /Of these generated files 0 changed, \d+ are unchanged and were not touched; 4 stale one\(s\) removed/

def shared = new File(basedir, 'src/main/generated')
assert new File(shared, 'com/example/other/Handwritten.java').isFile()
assert new File(shared, 'com/example/generated/listers/Notes.java').isFile()
assert new File(shared, 'com/example/generated/clientset/Clientset.java').isFile()
assert !new File(shared, 'com/example/generated/listers/widgets').exists()
assert !new File(shared, 'com/example/generated/informers').exists()
assert new File(basedir, 'target/classes/com/example/other/Handwritten.class').isFile()
def record = new File(basedir, 'target/kubegen-maven-plugin/last-generation.txt').readLines()
assert record.drop(1).every { it.startsWith('com/example/generated/clientset/') }
return true
