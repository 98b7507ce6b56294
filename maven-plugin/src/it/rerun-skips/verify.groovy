// build.log holds the three builds in order.
def log = new File(basedir, 'build.log').text
def events = log.readLines().findAll { it.contains('kubegen: ') }
assert events.size() == 3 : events
assert events[0] =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written .*\(client, lister, informer\)/
assert events[1] =~ /kubegen: inputs unchanged since the last run, generation skipped \(\d+ files in target.generated-sources.kubegen\)/
assert events[2] =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written .*\(client\)$/

// The third run replaced the output: no listers or informers are left behind.
def generated = new File(basedir, 'target/generated-sources/kubegen/com/example/generated')
assert new File(generated, 'clientset/Clientset.java').isFile()
assert !new File(generated, 'listers').exists()
assert !new File(generated, 'informers').exists()
def record = new File(basedir, 'target/kubegen-maven-plugin/last-generation.txt').readLines()
assert record.size() > 1
assert record.drop(1).every { new File(basedir, 'target/generated-sources/kubegen/' + it).isFile() }
return true
