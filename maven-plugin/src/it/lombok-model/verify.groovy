// kubegen read the model after Lombok: the index function goes through Lombok's getters, the
// status verbs exist (Lombok's getStatus()), and the project's code compiled against both.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /kubegen: reading the model after the module's other annotation processors: lombok\./
assert log =~ /kubegen: 1 resource type\(s\), \d+ file\(s\) written/
assert !log.contains('[kubegen.')

def generated = new File(basedir, 'target/generated-sources/kubegen/com/example/generated')
def lister = new File(generated, 'listers/gadgets/v1/GadgetLister.java').text
assert lister.contains('obj.getSpec()') && lister.contains('spec.getOwner()')
def client = new File(generated, 'clientset/gadgets/v1/GadgetClient.java').text
assert client.contains('StatusWriter<Gadget>')
// Lombok's output is not kubegen's: nothing but kubegen's files in the output folder
def names = []
generated.eachFileRecurse(groovy.io.FileType.FILES) { names << it.name }
assert names.every { it.endsWith('.java') }
assert new File(basedir, 'target/classes/com/example/app/GadgetOwners.class').isFile()
assert new File(basedir, 'target/classes/com/example/generated/listers/gadgets/v1/GadgetLister.class').isFile()
return true
